"""Where an event belongs: upcoming until it has ended, then past; never in neither."""

from datetime import datetime, timedelta

from events.models import EventPage, EventType
from portal.dates import UK_TIME
from tests.events.factories import EventPageFactory


def upcoming_titles():
    return list(EventPage.objects.upcoming().values_list("title", flat=True))


def past_titles():
    return list(EventPage.objects.past().values_list("title", flat=True))


def test_event_in_progress_counts_as_upcoming(events_index, now):
    EventPageFactory(
        parent=events_index,
        title="Under way",
        start=now - timedelta(hours=1),
        end=now + timedelta(hours=1),
    )

    assert upcoming_titles() == ["Under way"]
    assert past_titles() == []


def test_event_that_ended_a_minute_ago_is_past(events_index, now):
    EventPageFactory(
        parent=events_index,
        title="Just finished",
        start=now - timedelta(hours=2),
        end=now - timedelta(minutes=1),
    )

    assert upcoming_titles() == []
    assert past_titles() == ["Just finished"]


def test_event_ending_this_very_minute_is_past(events_index, now):
    EventPageFactory(parent=events_index, title="Ends now", start=now - timedelta(hours=1), end=now)

    assert past_titles() == ["Ends now"]
    assert upcoming_titles() == []


def test_all_day_event_is_upcoming_until_midnight_uk_time_after_its_last_day(
    events_index, time_machine
):
    day = datetime(2026, 6, 9, tzinfo=UK_TIME)  # BST: UK midnight is 23:00 UTC
    EventPageFactory(parent=events_index, title="Study day", start=day, end=day, all_day=True)

    time_machine.move_to(day.replace(hour=23, minute=59), tick=False)
    assert upcoming_titles() == ["Study day"]

    time_machine.move_to(day + timedelta(days=1), tick=False)
    assert upcoming_titles() == []
    assert past_titles() == ["Study day"]


def test_upcoming_events_come_soonest_first(events_index, now):
    for title, days in [("Third", 30), ("First", 1), ("Second", 10)]:
        EventPageFactory(parent=events_index, title=title, start=now + timedelta(days=days))

    assert upcoming_titles() == ["First", "Second", "Third"]


def test_past_events_come_newest_first(events_index, now):
    for title, days in [("Long ago", 300), ("Last week", 7), ("Last month", 30)]:
        EventPageFactory(parent=events_index, title=title, start=now - timedelta(days=days))

    assert past_titles() == ["Last week", "Last month", "Long ago"]


def test_group_meetings_are_told_apart_from_other_events(events_index):
    EventPageFactory(parent=events_index, title="Quarterly meeting")
    EventPageFactory(
        parent=events_index, title="Webinar", event_type=EventType.objects.get(slug="webinar")
    )

    meetings = EventPage.objects.group_meetings()
    assert [event.title for event in meetings] == ["Quarterly meeting"]
    assert meetings.get().is_group_meeting


def test_calendar_feed_keeps_a_year_of_past_events(events_index, now):
    EventPageFactory(parent=events_index, title="Next week")
    EventPageFactory(parent=events_index, title="Last month", start=now - timedelta(days=30))
    EventPageFactory(parent=events_index, title="Two years ago", start=now - timedelta(days=730))

    feed = EventPage.objects.in_calendar_feed().values_list("title", flat=True)

    assert list(feed) == ["Last month", "Next week"]


def test_the_event_types_the_group_starts_with_are_seeded(db):
    assert list(EventType.objects.values_list("name", flat=True)) == [
        "Conference",
        "Educational event",
        "Meeting",
        "Webinar",
        "Workshop",
    ]
    assert EventType.objects.get(slug="meeting").is_group_meeting
