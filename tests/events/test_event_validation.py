"""Editors are stopped, with a message on the right field, before publishing an impossible event."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils.form_data import querydict_from_html

from events.models import EventPage, EventType
from tests.events.factories import EventPageFactory


def errors_for(event):
    with pytest.raises(ValidationError) as caught:
        event.full_clean()
    return caught.value.message_dict


@pytest.fixture
def event(events_index, now):
    return EventPageFactory(parent=events_index, start=now + timedelta(days=7))


def test_end_before_start_is_refused(event):
    event.end = event.start - timedelta(minutes=1)

    assert errors_for(event)["end"] == ["The end must not be before the start."]


def test_end_equal_to_start_is_allowed(event):
    event.end = event.start
    event.full_clean()


def test_all_day_event_ignores_times_but_not_a_last_day_before_the_first(event):
    event.all_day = True
    event.end = event.start - timedelta(hours=1)  # same day, earlier time: fine
    event.full_clean()

    event.end = event.start - timedelta(days=1)
    assert errors_for(event)["end"] == ["The last day must not be before the first day."]


def test_in_person_event_needs_a_venue_name_and_address(event):
    event.format = EventPage.Format.IN_PERSON
    event.venue_name = ""
    event.venue_address = "  "

    errors = errors_for(event)

    assert "Give the venue's name" in errors["venue_name"][0]
    assert "Give the venue's address" in errors["venue_address"][0]


def test_hybrid_event_needs_a_venue_and_a_way_to_join(event):
    event.format = EventPage.Format.HYBRID
    event.joining_details = ""
    event.joining_link = ""

    errors = errors_for(event)

    assert set(errors) >= {"venue_name", "venue_address", "joining_details"}


def test_online_event_needs_a_joining_link_or_details(event):
    event.joining_details = ""
    assert "joining_details" in errors_for(event)

    event.joining_link = "https://example.org/join"
    event.full_clean()


def test_registration_cannot_close_after_the_event_ends(event):
    event.registration_url = "https://example.org/book"
    event.registration_deadline = event.end + timedelta(minutes=1)

    assert errors_for(event)["registration_deadline"] == [
        "Registration must close before the event ends."
    ]


def test_slug_of_the_past_events_archive_is_reserved(event):
    event.slug = "past"

    assert "slug" in errors_for(event)


def test_publishing_an_invalid_event_fails_and_keeps_the_live_version(event):
    live_end = event.end
    event.end = event.start - timedelta(hours=1)

    with pytest.raises(ValidationError):
        event.save_revision().publish()

    event.refresh_from_db()
    assert event.end == live_end


def admin_add_form(admin_client, events_index, **changes):
    """The admin's add-event form as an editor's browser would send it, with `changes`."""
    add_url = f"/admin/pages/add/events/eventpage/{events_index.pk}/"
    form = querydict_from_html(admin_client.get(add_url).content.decode(), form_id="page-edit-form")
    values = {
        "title": "Spring meeting",
        "slug": "spring-meeting",
        "summary": "The spring meeting.",
        "event_type": str(EventType.objects.get(slug="meeting").pk),
        "start": "14/04/2030 14:00",
        "end": "14/04/2030 16:00",
        "format": "online",
        "joining_details": "Link sent to members.",
        "body-count": "0",  # the body's editor is drawn by JavaScript
        "action-publish": "action-publish",
        **changes,
    }
    for name, value in values.items():
        form[name] = value
    return add_url, form


def test_editor_sees_the_error_on_the_end_field_when_publishing(admin_client, events_index):
    add_url, form = admin_add_form(admin_client, events_index, end="14/04/2030 13:00")

    response = admin_client.post(add_url, form)

    assert response.status_code == 200
    assert "The end must not be before the start." in response.content.decode()
    assert not EventPage.objects.filter(slug="spring-meeting").exists()


def test_editor_publishes_an_event_in_uk_time_from_the_admin(admin_client, events_index):
    add_url, form = admin_add_form(admin_client, events_index)

    response = admin_client.post(add_url, form)

    assert response.status_code == 302
    event = EventPage.objects.get(slug="spring-meeting")
    assert event.live
    assert event.when == "Sunday 14 April 2030, 14:00 to 16:00 UK time"
    assert event.sequence == 0


def test_admin_offers_editors_no_time_zone_but_uk_time(admin_client):
    response = admin_client.get("/admin/account/")

    assert response.status_code == 200
    assert 'name="locale-current_time_zone"' not in response.content.decode()
