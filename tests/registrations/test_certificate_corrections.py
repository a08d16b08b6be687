"""Organisers correct the name on a certificate and send it again, or revoke it."""

import io
import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from pypdf import PdfReader

from outbox.models import OutgoingEmail
from registrations import certificates, tokens
from registrations.models import Certificate, Registration
from tests.registrations.factories import RegistrationFactory


def path_of(url):
    return url.removeprefix("http://testserver")


@pytest.fixture
def certificate(event):
    registration = RegistrationFactory(
        event=event, full_name="Gwenllian ap Dwr", email="gwen@example.org", status="attended"
    )
    return certificates.issue(registration)


def screen(certificate):
    return reverse("registrations_certificate", args=[certificate.event_id, certificate.pk])


def pdf_text(client, url):
    response = client.get(path_of(url))
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


def test_a_corrected_name_is_printed_and_sent_again(client, organiser, certificate):
    client.force_login(organiser)

    response = client.post(
        screen(certificate), {"attendee_name": "  Gwenllian ap Dŵr ", "action": "send"}
    )

    assert response.status_code == 302
    [message] = OutgoingEmail.objects.all()
    assert message.recipient == "gwen@example.org"
    download = re.search(r"http://testserver/certificates/download/\S+/", message.text_body).group(
        0
    )
    assert "Gwenllian ap Dŵr" in pdf_text(client, download)
    verification = client.get(f"/certificates/{certificate.number}/").content.decode()
    assert "Gwenllian ap Dŵr" in verification
    assert Registration.objects.get().full_name == "Gwenllian ap Dŵr"
    assert Certificate.objects.get().number == certificate.number


def test_an_empty_name_is_refused(client, organiser, certificate):
    client.force_login(organiser)

    response = client.post(screen(certificate), {"attendee_name": "   ", "action": "send"})

    assert response.status_code == 200
    assert "Enter the name to print on the certificate" in response.content.decode()
    assert Certificate.objects.get().attendee_name == "Gwenllian ap Dwr"
    assert not OutgoingEmail.objects.exists()


def test_a_revoked_certificate_says_so_and_its_pdf_link_stops_working(
    client, organiser, certificate, time_machine
):
    download = path_of(tokens.certificate_download_url(certificate))
    time_machine.move_to("2030-04-15 10:30:00+01:00")
    client.force_login(organiser)

    unticked = client.post(screen(certificate), {"action": "revoke"})
    assert "Tick to confirm" in unticked.content.decode()
    assert Certificate.objects.get().revoked_at is None

    client.post(screen(certificate), {"action": "revoke", "confirm": "on"})

    page = client.get(f"/certificates/{certificate.number}/").content.decode()
    assert "This certificate was revoked" in page
    assert "15 April 2030" in page
    assert "This certificate is genuine" not in page
    assert client.get(download).status_code == 404
    # A revoked certificate is not sent again.
    client.post(screen(certificate), {"attendee_name": "Someone", "action": "send"})
    assert not OutgoingEmail.objects.exists()


def test_after_the_registration_is_purged_a_name_is_corrected_but_not_sent(
    client, organiser, certificate, event, time_machine
):
    time_machine.move_to(event.end + timedelta(days=366))
    call_command("purge_expired_data", stdout=io.StringIO())
    client.force_login(organiser)

    response = client.post(
        screen(certificate), {"attendee_name": "Gwenllian ap Dŵr", "action": "send"}, follow=True
    )

    assert "no address is kept" in response.content.decode()
    assert Certificate.objects.get().attendee_name == "Gwenllian ap Dŵr"
    assert not OutgoingEmail.objects.exists()


def test_only_organisers_may_change_certificates(client, editor, certificate):
    client.force_login(editor)

    response = client.post(screen(certificate), {"action": "revoke", "confirm": "on"})

    assert response.status_code in (302, 403)
    assert Certificate.objects.get().revoked_at is None


def test_a_certificate_of_another_event_or_none_is_not_found(
    client, organiser, certificate, events_index
):
    from tests.registrations.factories import RegistrationEventFactory

    other = RegistrationEventFactory(parent=events_index, title="Other event")
    client.force_login(organiser)

    wrong_event = reverse("registrations_certificate", args=[other.pk, certificate.pk])
    assert client.get(wrong_event).status_code == 404
    missing = reverse("registrations_certificate", args=[certificate.event_id, 999999])
    assert client.post(missing, {"action": "revoke", "confirm": "on"}).status_code == 404


def test_the_certificates_screen_lists_each_certificate_in_a_fixed_number_of_queries(
    client, organiser, event, django_assert_max_num_queries
):
    client.force_login(organiser)
    url = reverse("registrations_certificates", args=[event.pk])

    def issue(count):
        for _ in range(count):
            certificates.issue(RegistrationFactory(event=event, status="attended"))

    issue(2)
    client.get(url)
    with django_assert_max_num_queries(40) as few:
        client.get(url)
    issue(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()
    assert page.count("Correct or revoke") == 22


def test_unticking_someone_who_has_a_certificate_says_it_is_still_valid(
    client, organiser, certificate
):
    client.force_login(organiser)
    check_in = reverse("registrations_check_in", args=[certificate.event_id])

    response = client.post(
        check_in, {"registration": certificate.registration_id, "attended": "no"}, follow=True
    )

    page = response.content.decode()
    assert f"already has certificate {certificate.number}, which is still valid" in page
    assert screen(certificate) in page
