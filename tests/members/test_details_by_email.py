"""Anyone, member or not, sees what the group holds about their address through a link emailed
on request: corrects their name, downloads it all, stops meeting emails and erases it."""

import json
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from members.details import DETAILS_LINK_LIFETIME
from membership.models import JoinRequest
from notifications.models import Subscriber
from outbox.models import OutgoingEmail
from registrations.models import Certificate, Registration
from tests.membership.factories import JoinRequestFactory
from tests.registrations.factories import RegistrationEventFactory, RegistrationFactory

REQUEST = "/your-details/"
LINK = re.compile(r"https?://[^\s\"<]+(/your-details/link/[^\s\"</]+/)")


@pytest.fixture
def sam(site_details):
    """A non-member registered for an event next week."""
    return RegistrationFactory(
        full_name="Sam Registrant", email="sam@example.org", organisation="PICU Bristol"
    )


def link_path(address="sam@example.org"):
    email = OutgoingEmail.objects.filter(recipient=address).latest("created_at")
    [path] = set(LINK.findall(email.text_body))
    assert path in email.html_body
    return path


def open_details(client, address="sam@example.org"):
    client.post(REQUEST, {"email": address})
    path = link_path(address)
    assert client.get(path).status_code == 200  # the button, not the details
    return client.post(path, follow=True)


def test_a_registrant_is_emailed_a_link_and_sees_their_registration(
    client, sam, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(REQUEST, {"email": "SAM@example.org"}, follow=True)
    assert "Check your email" in response.content.decode()
    [mail] = smtp_server.to("sam@example.org")
    assert mail["Subject"] == "Your link to the details Implementation Group holds about you"
    assert "60 minutes" in mail.part("text/plain")

    path = link_path()
    button = client.get(path)
    assert "See my details" in button.content.decode()
    assert "PICU Bristol" not in button.content.decode()  # a mail scanner sees nothing

    page = client.post(path, follow=True)

    assert page.status_code == 200
    assert "PICU Bristol" in page.content.decode()
    assert "&quot;event_registrations&quot;" in page.content.decode()
    assert "private" in page["Cache-Control"] or "no-cache" in page["Cache-Control"]


def test_the_answer_is_the_same_whether_or_not_anything_is_held(client, sam):
    for address in ("sam@example.org", "stranger@example.org"):
        response = client.post(REQUEST, {"email": address})
        assert response.status_code == 302
        assert response["Location"] == "/your-details/check-your-email/"

    assert OutgoingEmail.objects.filter(recipient="sam@example.org").count() == 1
    assert not OutgoingEmail.objects.filter(recipient="stranger@example.org").exists()


def test_the_download_is_the_personal_data_export(client, sam):
    open_details(client)

    response = client.get("/your-details/held/download/")

    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["email"] == "sam@example.org"
    assert data["event_registrations"][0]["organisation"] == "PICU Bristol"


def test_a_correction_changes_upcoming_registrations_and_the_sign_up_not_the_join_request(
    client, sam
):
    JoinRequestFactory(full_name="Sam Old", email="sam@example.org")
    Subscriber.objects.create(
        email="sam@example.org",
        name="Sam Old",
        consent_given_at=timezone.now(),
        privacy_notice_version="Privacy notice",
    )
    past = RegistrationFactory(
        full_name="Sam Old",
        email="sam@example.org",
        event=RegistrationEventFactory(
            start=timezone.now() - timedelta(days=30), end=timezone.now() - timedelta(days=30)
        ),
    )
    open_details(client)

    response = client.post(
        "/your-details/held/", {"full_name": "Sam Corrected", "organisation": "PICU Leeds"}
    )

    assert response.status_code == 302
    sam.refresh_from_db()
    assert (sam.full_name, sam.organisation) == ("Sam Corrected", "PICU Leeds")
    assert Subscriber.objects.get().name == "Sam Corrected"
    assert JoinRequest.objects.get().full_name == "Sam Old"
    past.refresh_from_db()
    assert past.full_name == "Sam Old"


def test_bad_corrections_are_refused_with_a_message(client, sam):
    open_details(client)

    response = client.post("/your-details/held/", {"full_name": "", "organisation": "x" * 500})

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    sam.refresh_from_db()
    assert sam.full_name == "Sam Registrant"


def test_erasing_everything_removes_the_registration(client, sam):
    open_details(client)

    response = client.post("/your-details/held/erase/", {"keep_certificates": "no"}, follow=True)

    assert "Your details have been erased" in response.content.decode()
    assert not Registration.objects.exists()
    assert not OutgoingEmail.objects.filter(recipient="sam@example.org").exists()
    assert client.get("/your-details/held/").status_code == 404  # the session's link is gone


def test_erasing_may_keep_certificates_verifiable(client, sam):
    certificate = Certificate.objects.create(
        registration=sam,
        attendee_name="Sam Registrant",
        event_title="Sepsis",
        event_date="1 March 2026",
        event_ended_at=timezone.now(),
        event_format="Online",
        cpd_hours=2,
        group_name="Implementation Group",
    )
    open_details(client)

    client.post("/your-details/held/erase/", {"keep_certificates": "yes"})

    assert not Registration.objects.exists()
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_erasing_without_a_choice_erases_nothing(client, sam):
    open_details(client)

    response = client.post("/your-details/held/erase/", {}, follow=True)

    assert "Choose what happens to your certificates" in response.content.decode()
    assert Registration.objects.exists()


def test_an_expired_link_says_so(client, sam, time_machine):
    time_machine.move_to(timezone.now())
    client.post(REQUEST, {"email": "sam@example.org"})
    path = link_path()
    time_machine.shift(DETAILS_LINK_LIFETIME + timedelta(minutes=1))

    response = client.post(path)

    assert response.status_code == 410
    assert "has expired" in response.content.decode()


def test_the_page_stops_working_when_the_link_expires(client, sam, time_machine):
    time_machine.move_to(timezone.now())
    open_details(client)
    time_machine.shift(DETAILS_LINK_LIFETIME + timedelta(minutes=1))

    response = client.get("/your-details/held/")

    assert response.status_code == 410
    assert "PICU Bristol" not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/your-details/link/nonsense/",
        "/your-details/link/" + "a" * 5000 + "/",
        "/your-details/link/%F0%9F%98%80:abc:def/",
        "/your-details/held/",
        "/your-details/held/download/",
    ],
)
def test_bad_links_give_a_clear_message(client, db, path):
    response = client.get(path)

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


@pytest.mark.parametrize(
    "data", [{"email": "not an address"}, {"email": "x" * 400 + "@example.org"}, {}]
)
def test_bad_requests_are_answered_with_the_form(client, db, data):
    response = client.post(REQUEST, data)

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_requests_are_limited_per_address(client, sam):
    for _ in range(5):
        client.post(REQUEST, {"email": "sam@example.org"})

    assert OutgoingEmail.objects.filter(recipient="sam@example.org").count() == 3


def test_the_footer_and_the_sign_in_page_link_here(client, sam):
    assert 'href="/your-details/"' in client.get("/members/sign-in/").content.decode()


def test_no_link_or_details_page_is_kept_by_the_page_cache(client, sam, settings, time_machine):
    settings.PAGE_CACHE_ENABLED = True
    time_machine.move_to(timezone.now())
    client.post(REQUEST, {"email": "sam@example.org"})
    path = link_path()
    for _ in range(2):
        button = Client().get(path)
        assert "no-store" in button["Cache-Control"]
    client.post(path)
    assert "no-store" in client.get("/your-details/held/")["Cache-Control"]

    time_machine.shift(DETAILS_LINK_LIFETIME + timedelta(minutes=1))

    assert Client().get(path).status_code == 410  # not a copy kept from before
    assert client.get("/your-details/held/").status_code == 410


def test_a_link_works_in_one_browser_only(client, sam):
    open_details(client)
    path = link_path()

    assert client.post(path, follow=True).status_code == 200  # pressed again, same browser
    other = Client().post(path)

    assert other.status_code == 410
    assert "already been used" in other.content.decode()
    assert "PICU Bristol" not in other.content.decode()
