"""CPD certificates: sent to attendees after the event, feedback first if asked, verifiable."""

import io
import re

from bs4 import BeautifulSoup
from pypdf import PdfReader

from outbox.models import OutgoingEmail
from registrations import certificates
from registrations.models import Certificate, new_certificate_number
from registrations.views import VERIFY_RATE_LIMIT
from tests.registrations.factories import RegistrationFactory


def path_of(url):
    return url.removeprefix("http://testserver")


def link_in(message, part):
    return path_of(re.search(rf"http://testserver/{part}/\S+/", message.text_body).group(0))


def test_certificate_pdf_says_who_attended_what_and_how_to_check_it(client, event, time_machine):
    attendee = RegistrationFactory(event=event, full_name="Alex Example", status="attended")
    RegistrationFactory(event=event, full_name="Not Here")  # registered, never came
    time_machine.move_to(event.end)

    assert certificates.send_certificates(event) == 1

    [message] = OutgoingEmail.objects.all()
    assert message.recipient == attendee.email
    response = client.get(link_in(message, "certificates/download"))
    assert response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    certificate = Certificate.objects.get()
    for expected in (
        "Alex Example",
        "Spring meeting",
        event.when,
        "Online",
        "2 CPD hours",
        "Implementation Group",
        "Dr Chair Example",
        certificate.number,
        f"http://testserver/certificates/{certificate.number}/",
    ):
        assert expected in text
    assert certificates.send_certificates(event) == 0  # each attendee once


def test_verification_page_confirms_a_genuine_certificate_or_says_it_is_unknown(client, event):
    registration = RegistrationFactory(event=event, full_name="Alex Example", status="attended")
    certificate = certificates.issue(registration)

    genuine = client.get(f"/certificates/{certificate.number}/")
    unknown = client.get(f"/certificates/{new_certificate_number()}/")

    assert "This certificate is genuine" in genuine.content.decode()
    assert "Alex Example" in genuine.content.decode()
    assert unknown.status_code == 404
    assert "Certificate not known" in unknown.content.decode()


def test_the_verification_page_is_kept_by_no_cache_and_indexed_by_no_search_engine(
    client, event, settings
):
    settings.PAGE_CACHE_ENABLED = True
    certificate = certificates.issue(RegistrationFactory(event=event, status="attended"))

    for number in (certificate.number, new_certificate_number()):
        response = client.get(f"/certificates/{number}/")

        assert "no-store" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]
        robots = BeautifulSoup(response.content, "html.parser").find(
            "meta", attrs={"name": "robots"}
        )
        assert "noindex" in robots["content"]


def test_checking_certificate_numbers_is_limited_per_client(client, event):
    certificate = certificates.issue(RegistrationFactory(event=event, status="attended"))
    for _ in range(VERIFY_RATE_LIMIT.limit):
        assert client.get(f"/certificates/{new_certificate_number()}/").status_code == 404

    refused = client.get(f"/certificates/{certificate.number}/")
    elsewhere = client.get(f"/certificates/{certificate.number}/", REMOTE_ADDR="192.0.2.7")

    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "Too many attempts" in refused.content.decode()
    assert certificate.attendee_name not in refused.content.decode()
    assert "no-store" in refused["Cache-Control"]
    assert "noindex" in refused["X-Robots-Tag"]
    assert elsewhere.status_code == 200


def test_certificate_numbers_cannot_be_guessed():
    numbers = {new_certificate_number() for _ in range(1000)}

    assert len(numbers) == 1000
    assert all(re.fullmatch(r"CPD(-[A-Z2-9]{4}){4}", number) for number in numbers)


def test_feedback_is_asked_first_and_releases_the_certificate(client, event, time_machine):
    event.ask_for_feedback = True
    event.save_revision().publish()
    RegistrationFactory(event=event, status="attended")
    time_machine.move_to(event.end)

    certificates.send_certificates(event)
    request = OutgoingEmail.objects.get()
    assert not Certificate.objects.exists()
    feedback = link_in(request, "registrations/feedback")

    empty = client.post(feedback, {"comments": "Great"})
    assert "Select a rating" in empty.content.decode()
    client.post(feedback, {"rating": "4", "comments": "Very useful"})

    page = client.get(feedback).content.decode()
    assert "Download your certificate" in page
    assert Certificate.objects.count() == 1
    assert OutgoingEmail.objects.filter(subject__startswith="Your CPD certificate").count() == 2


def test_certificates_wait_until_the_event_has_ended(event):
    RegistrationFactory(event=event, status="attended")

    assert certificates.send_certificates(event) == 0
    assert not OutgoingEmail.objects.exists()
