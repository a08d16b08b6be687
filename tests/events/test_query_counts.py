"""Listing, archive, home teaser and feed run a fixed number of queries, however many events.

Each page is measured with 5 events and again with 200 (half upcoming, half in the past year,
of every type, format and status): the count must not change, and must stay within the bound.
The bounds include the site frame (navigation, settings, breadcrumbs), not only the listing.
"""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from events.models import EventPage, EventType
from portal.models import SiteSettings
from tests.events.factories import EventPageFactory

MAX_QUERIES = {
    "/events/": 12,  # listing
    "/events/past/": 12,  # past archive
    "/": 12,  # home page with its upcoming events teaser
    "/events/feed.ics": 5,  # calendar feed, and when its oldest event leaves it
}


def add_events(index, now, count, first=0):
    types = list(EventType.objects.all())
    for n in range(first, first + count):
        days = n // 2 + 1 if n % 2 else -(n // 2 + 1)
        in_person = n % 3 == 0
        EventPageFactory(
            parent=index,
            start=now + timedelta(days=days),
            event_type=types[n % len(types)],
            format=EventPage.Format.IN_PERSON if in_person else EventPage.Format.ONLINE,
            venue_name="Example hall" if in_person else "",
            venue_address="1 Example Street" if in_person else "",
            status=EventPage.Status.values[n % 3],
        )


def measure(client, django_assert_max_num_queries, events):
    # A site has its settings saved long before: made on the first visit, they would count as
    # a change and empty the caches the warm-up fills.
    SiteSettings.for_site(Site.objects.get())
    counts = {}
    for url, bound in MAX_QUERIES.items():
        client.get(url)  # warm per-process caches (content types, site root paths)
        with (
            django_assert_max_num_queries(bound, info=f"{url} with {events} events"),
            CaptureQueriesContext(connection) as queries,
        ):
            assert client.get(url).status_code == 200
        counts[url] = len(queries)
    return counts


def test_listing_archive_teaser_and_feed_query_counts_do_not_grow_with_events(
    client, events_index, now, django_assert_max_num_queries
):
    add_events(events_index, now, 5)
    with_5 = measure(client, django_assert_max_num_queries, 5)

    add_events(events_index, now, 195, first=5)
    with_200 = measure(client, django_assert_max_num_queries, 200)

    assert with_200 == with_5
