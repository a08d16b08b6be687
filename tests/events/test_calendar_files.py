"""Calendar files and the feed, parsed back with icalendar and checked field by field."""

from datetime import UTC, date, datetime, timedelta

import pytest
from icalendar import Calendar

from events.calendar import calendar_for
from events.models import EventPage
from tests.events.factories import EventPageFactory


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def download(client, event):
    return parse(client.get(event.url + "ics/")).events


def only_entry(client, event):
    (entry,) = download(client, event)
    return entry


def republish(event, **changes):
    event = EventPage.objects.get(pk=event.pk)
    for name, value in changes.items():
        setattr(event, name, value)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


@pytest.fixture
def meeting(events_index, now):
    event = EventPageFactory(
        parent=events_index,
        title="Summer meeting",
        summary="The summer meeting of the group.",
        start=datetime(2026, 7, 14, 13, 0, tzinfo=UTC),  # 14:00 BST
        end=datetime(2026, 7, 14, 15, 0, tzinfo=UTC),
        format=EventPage.Format.HYBRID,
        venue_name="Example hall",
        venue_address="1 Example Street\nExample Town",
        joining_details="Link emailed to members.",
    )
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def test_ics_download_is_an_attachment_named_after_the_event(client, meeting):
    response = client.get(meeting.url + "ics/")

    assert response["Content-Disposition"] == 'attachment; filename="summer-meeting.ics"'


def test_ics_holds_every_field_a_calendar_needs(client, meeting):
    calendar = parse(client.get(meeting.url + "ics/"))
    entry = calendar.events[0]

    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert str(entry["UID"]) == str(meeting.translation_key)
    assert entry.decoded("DTSTAMP").tzinfo is not None
    assert entry.decoded("DTSTART") == datetime(2026, 7, 14, 13, 0, tzinfo=UTC)
    assert entry.decoded("DTEND") == datetime(2026, 7, 14, 15, 0, tzinfo=UTC)
    assert "DTSTART:20260714T130000Z" in entry.to_ical().decode()
    assert str(entry["SUMMARY"]) == "Summer meeting"
    description = str(entry["DESCRIPTION"])
    assert description.startswith("The summer meeting of the group.")
    assert "Link emailed to members." in description
    assert "http://testserver/events/summer-meeting/" in description
    assert str(entry["LOCATION"]) == "Example hall, 1 Example Street, Example Town and online"
    assert str(entry["URL"]) == "http://testserver/events/summer-meeting/"
    assert str(entry["STATUS"]) == "CONFIRMED"
    assert entry["SEQUENCE"] == 0
    assert entry.decoded("LAST-MODIFIED") == meeting.last_modified
    assert entry.categories == ["Meeting"]


def test_gmt_event_is_written_in_utc_at_the_same_clock_time(client, events_index, now):
    event = EventPageFactory(
        parent=events_index, start=datetime(2026, 12, 8, 14, 0, tzinfo=UTC), format="online"
    )

    assert only_entry(client, event).decoded("DTSTART") == datetime(2026, 12, 8, 14, 0, tzinfo=UTC)


def test_all_day_event_is_written_as_dates_with_an_exclusive_end(client, events_index, now):
    first_day = datetime(2026, 6, 9, 9, 0, tzinfo=UTC)
    event = EventPageFactory(
        parent=events_index, start=first_day, end=first_day + timedelta(days=2), all_day=True
    )

    entry = only_entry(client, event)

    assert entry.decoded("DTSTART") == date(2026, 6, 9)
    assert entry.decoded("DTEND") == date(2026, 6, 12)


def test_cancelled_event_is_marked_cancelled(client, meeting):
    cancelled = republish(meeting, status=EventPage.Status.CANCELLED)

    entry = only_entry(client, cancelled)

    assert str(entry["STATUS"]) == "CANCELLED"
    assert str(entry["SUMMARY"]) == "Cancelled: Summer meeting"
    assert entry["SEQUENCE"] == 1


def test_postponed_event_is_tentative(client, meeting):
    entry = only_entry(client, republish(meeting, status=EventPage.Status.POSTPONED))

    assert str(entry["STATUS"]) == "TENTATIVE"
    assert str(entry["SUMMARY"]) == "Postponed: Summer meeting"


def test_published_change_of_time_raises_sequence_and_last_modified(client, meeting, time_machine):
    before = only_entry(client, meeting)
    time_machine.shift(timedelta(hours=1))

    moved = republish(
        meeting, start=meeting.start + timedelta(days=1), end=meeting.end + timedelta(days=1)
    )
    after = only_entry(client, moved)

    assert after["UID"] == before["UID"]
    assert after["SEQUENCE"] > before["SEQUENCE"]
    assert after.decoded("LAST-MODIFIED") > before.decoded("LAST-MODIFIED")
    assert after.decoded("DTSTART") == datetime(2026, 7, 15, 13, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "changes",
    [
        {"venue_name": "Another hall"},
        {"venue_address": "2 Example Street"},
        {"format": EventPage.Format.IN_PERSON},
        {"all_day": True},
    ],
)
def test_published_change_of_place_or_format_raises_sequence(meeting, changes):
    assert republish(meeting, **changes).sequence == meeting.sequence + 1


def test_draft_change_leaves_calendars_alone_until_published(meeting):
    draft = EventPage.objects.get(pk=meeting.pk)
    draft.start += timedelta(days=1)
    draft.end += timedelta(days=1)
    revision = draft.save_revision()

    assert EventPage.objects.get(pk=meeting.pk).sequence == 0

    revision.publish()
    assert EventPage.objects.get(pk=meeting.pk).sequence == 1


def test_change_of_wording_only_keeps_the_sequence_but_updates_last_modified(meeting, time_machine):
    time_machine.shift(timedelta(hours=1))

    reworded = republish(meeting, title="Summer meeting (agenda added)", summary="Now with agenda.")

    assert reworded.sequence == meeting.sequence
    assert reworded.last_modified > meeting.last_modified


def test_sequence_never_goes_back_when_an_older_draft_is_published(meeting):
    old_draft = EventPage.objects.get(pk=meeting.pk)
    old_draft.title = "Retitled in an old draft"
    old_revision = old_draft.save_revision()
    republish(meeting, status=EventPage.Status.POSTPONED)  # sequence 1

    old_revision.publish()  # puts the status back: another change calendars must see

    assert EventPage.objects.get(pk=meeting.pk).sequence == 2


def test_first_publish_starts_at_sequence_zero(events_index, now):
    event = EventPageFactory(parent=events_index, live=False)
    event.start += timedelta(hours=1)
    event.save_revision().publish()

    assert EventPage.objects.get(pk=event.pk).sequence == 0


def test_copied_event_starts_its_own_sequence(meeting, events_index):
    moved = republish(meeting, start=meeting.start + timedelta(hours=1))

    copy = moved.copy(update_attrs={"slug": "summer-meeting-copy", "title": "Copy"})

    assert copy.sequence == 0
    assert copy.translation_key != moved.translation_key


def test_private_event_calendar_file_needs_a_login(client, events_index, now):
    event = EventPageFactory(parent=events_index)
    event.view_restrictions.create(restriction_type="login")

    response = client.get(event.url + "ics/")

    # The members-only answer (members/wagtail_hooks.py): a sign-in link, no calendar.
    assert response.status_code == 403
    assert "text/calendar" not in response["Content-Type"]
    assert "/members/sign-in/?next=" in response.content.decode()


# The subscription feed.


def test_feed_is_a_named_calendar_with_the_right_content_type(client, events_index):
    response = client.get("/events/feed.ics")
    calendar = parse(response)

    assert response["Cache-Control"] == "public, max-age=900"

    assert str(calendar["X-WR-CALNAME"]) == "Implementation Group events"
    assert calendar.decoded("REFRESH-INTERVAL") == timedelta(hours=6)


def test_feed_holds_upcoming_events_and_the_last_year_including_cancelled(
    client, events_index, now
):
    EventPageFactory(parent=events_index, title="Next week")
    EventPageFactory(parent=events_index, title="Called off", status=EventPage.Status.CANCELLED)
    EventPageFactory(parent=events_index, title="Last month", start=now - timedelta(days=30))
    EventPageFactory(parent=events_index, title="Two years ago", start=now - timedelta(days=730))
    EventPageFactory(parent=events_index, title="Draft", live=False)
    private = EventPageFactory(parent=events_index, title="Members only")
    private.view_restrictions.create(restriction_type="login")

    entries = parse(client.get("/events/feed.ics")).events

    assert sorted(str(entry["SUMMARY"]) for entry in entries) == [
        "Cancelled: Called off",
        "Last month",
        "Next week",
    ]


def test_feed_entries_match_the_single_event_download(client, meeting):
    moved = republish(meeting, start=meeting.start + timedelta(hours=1))

    (from_feed,) = parse(client.get("/events/feed.ics")).events
    from_download = only_entry(client, moved)

    for field in ["UID", "SEQUENCE", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "URL", "STATUS"]:
        assert from_feed[field] == from_download[field], field
    assert from_feed["SEQUENCE"] == 1


def test_feed_answers_head_and_refuses_post(client, events_index):
    assert client.head("/events/feed.ics").status_code == 200
    assert client.post("/events/feed.ics").status_code == 405


def test_calendar_for_an_email_carries_a_method_and_the_time_of_sending(meeting, time_machine):
    time_machine.shift(timedelta(days=1))

    calendar = Calendar.from_ical(calendar_for([meeting], method="PUBLISH").to_ical())

    assert str(calendar["METHOD"]) == "PUBLISH"
    (entry,) = calendar.events
    assert entry.decoded("DTSTAMP") > meeting.last_modified
    assert str(entry["URL"]) == "http://testserver/events/summer-meeting/"
