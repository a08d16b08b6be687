"""The events pages run a fixed number of queries, within the bound, however many events.

Each page is measured with 10 events and again with 1,000 (half upcoming, half in the past
year, of every type, format and status): the count must not change. The counts include the
site frame (navigation, settings, breadcrumbs), not only the listing.
"""

from datetime import timedelta

from events.dates import event_ends_at
from events.models import EventPage, EventType
from tests.events.factories import EventPageFactory
from tests.query_counts import FEW, MANY, add_live_pages, query_counts


def add_events(index, now, count, first=0):
    types = list(EventType.objects.all())
    events = []
    for n in range(first, first + count):
        days = n // 2 + 1 if n % 2 else -(n // 2 + 1)
        in_person = n % 3 == 0
        start = now + timedelta(days=days)
        end = start + timedelta(hours=2)
        events.append(
            EventPage(
                title=f"Event {n}",
                slug=f"event-{n}",
                summary=f"What happens at event {n}.",
                start=start,
                end=end,
                ends_at=event_ends_at(start, end, False),
                last_modified=now,
                event_type=types[n % len(types)],
                format=EventPage.Format.IN_PERSON if in_person else EventPage.Format.ONLINE,
                venue_name="Example hall" if in_person else "",
                venue_address="1 Example Street" if in_person else "",
                joining_details="" if in_person else "The link is emailed the day before.",
                status=EventPage.Status.values[n % 3],
            )
        )
    add_live_pages(index, events)


def test_events_pages_run_the_same_few_queries_for_10_and_1000_events(client, events_index, now):
    event = EventPageFactory(parent=events_index, title="Study day", slug="study-day")
    registration = EventPageFactory(
        parent=events_index,
        slug="registration",
        registration=EventPage.RegistrationMode.PORTAL,
        places=30,
    )
    requests = {
        "listing": ("/events/", None),
        "listing filtered": ("/events/", {"type": "meeting", "format": "online", "page": "2"}),
        "past archive": ("/events/past/", None),
        "home page with its teaser": ("/", None),
        "calendar feed": ("/events/feed.ics", None),
        "event page": (event.url, None),
        "event page with registration": (registration.url, None),
        "event calendar file": (event.url + "ics/", None),
    }
    add_events(events_index, now, FEW - 2)
    few = query_counts(client, requests)

    add_events(events_index, now, MANY - FEW, first=FEW)
    assert EventPage.objects.live().count() == MANY

    assert query_counts(client, requests) == few
