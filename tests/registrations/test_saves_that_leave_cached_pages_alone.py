"""Saves no public page shows leave cached pages alone; places left always show fresh.

Each model says whether public pages show it (`shown_on_public_pages`), so a check-in at the
door does not make every reader of the site wait for pages to be built again.
"""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

import pagecache.cache
from membership.models import JoinRequest, JoinRequestStatusChange
from notifications.models import Announcement
from registrations import certificates, places
from tests.membership.factories import JoinRequestFactory
from tests.registrations.factories import RegistrationFactory


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


def check_in(registration):
    registration.status = registration.Status.ATTENDED
    registration.save(update_fields=["status"])


def flag_reminder_sent(registration):
    registration.reminder_sent_at = timezone.now()
    registration.save(update_fields=["reminder_sent_at"])


def issue_certificate(registration):
    check_in(registration)
    certificates.issue(registration)


def record_announcement(registration):
    Announcement.objects.create(event=registration.event, status="scheduled", recipient_count=1)


def change_join_request_status(registration):
    join_request = JoinRequestFactory()
    join_request.status = JoinRequest.Status.ACCEPTED
    join_request.save()
    JoinRequestStatusChange.objects.create(
        join_request=join_request, from_status="new", to_status="accepted"
    )


@pytest.mark.parametrize(
    "save",
    [
        check_in,
        flag_reminder_sent,
        issue_certificate,
        record_announcement,
        change_join_request_status,
    ],
)
def test_saves_no_public_page_shows_leave_the_cache_alone(event, save):
    registration = RegistrationFactory(event=event)
    before = pagecache.cache.current_generation()

    save(registration)

    assert pagecache.cache.current_generation() == before


def places_left(client, event):
    page = BeautifulSoup(client.get(event.url).content, "html.parser")
    return page.select_one(".registration__places").get_text(strip=True)


def test_a_registration_that_takes_a_place_shows_in_places_left_at_once(client, event):
    event.places = 20
    event.save_revision().publish()
    assert places_left(client, event) == "20 places left."

    requested = places.request_place(
        event,
        full_name="Ada Nurse",
        email="ada@example.org",
        role="Nurse",
        organisation="Children's hospital",
        consent_given_at=timezone.now(),
        privacy_notice_version="Privacy notice",
    )
    places.confirm(requested)

    assert places_left(client, event) == "19 places left."
