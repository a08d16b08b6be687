"""The events listing and past archive: order, filters, pagination, and bad input."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from events.models import EVENTS_PER_PAGE, EventPage, EventType
from tests.events.factories import EventPageFactory


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def listed_titles(response):
    return [a.get_text(strip=True) for a in soup_of(response).select(".event-summary__title a")]


def event_type(slug):
    return EventType.objects.get(slug=slug)


@pytest.fixture
def mixed_events(events_index, now):
    """Upcoming: an online meeting, an in-person workshop, a hybrid meeting; and one past."""
    EventPageFactory(parent=events_index, title="Online meeting", start=now + timedelta(days=1))
    EventPageFactory(
        parent=events_index,
        title="In-person workshop",
        event_type=event_type("workshop"),
        format=EventPage.Format.IN_PERSON,
        venue_name="Example hall",
        venue_address="1 Example Street",
        start=now + timedelta(days=2),
    )
    EventPageFactory(
        parent=events_index,
        title="Hybrid meeting",
        format=EventPage.Format.HYBRID,
        venue_name="Example hall",
        venue_address="1 Example Street",
        start=now + timedelta(days=3),
    )
    EventPageFactory(parent=events_index, title="Last meeting", start=now - timedelta(days=30))


def test_listing_shows_upcoming_events_soonest_first_and_not_past_ones(client, mixed_events):
    assert listed_titles(client.get("/events/")) == [
        "Online meeting",
        "In-person workshop",
        "Hybrid meeting",
    ]


def test_event_in_progress_is_listed_and_one_ended_a_minute_ago_is_archived(
    client, events_index, now
):
    EventPageFactory(
        parent=events_index,
        title="Under way",
        start=now - timedelta(hours=1),
        end=now + timedelta(hours=1),
    )
    EventPageFactory(
        parent=events_index,
        title="Just finished",
        start=now - timedelta(hours=1),
        end=now - timedelta(minutes=1),
    )

    assert listed_titles(client.get("/events/")) == ["Under way"]
    assert listed_titles(client.get("/events/past/")) == ["Just finished"]


def test_past_archive_has_its_own_address_title_and_canonical_link(client, mixed_events):
    response = client.get("/events/past/")
    soup = soup_of(response)

    assert listed_titles(response) == ["Last meeting"]
    assert soup.h1.get_text(strip=True) == "Past events"
    assert soup.title.get_text().startswith("Past events")
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/events/past/"
    assert soup.select_one(".breadcrumbs [aria-current=page]").get_text() == "Past events"


def test_listing_and_archive_link_to_each_other(client, mixed_events):
    upcoming = soup_of(client.get("/events/"))
    past = soup_of(client.get("/events/past/"))

    assert upcoming.find("a", string="See past events")["href"] == "/events/past/"
    assert past.find("a", string="See upcoming events")["href"] == "/events/"


def test_filter_by_event_type(client, mixed_events):
    assert listed_titles(client.get("/events/", {"type": "workshop"})) == ["In-person workshop"]


def test_filter_by_format(client, mixed_events):
    assert listed_titles(client.get("/events/", {"format": "hybrid"})) == ["Hybrid meeting"]


def test_filters_combine(client, mixed_events):
    response = client.get("/events/", {"type": "meeting", "format": "online"})

    assert listed_titles(response) == ["Online meeting"]


def test_filters_apply_to_the_archive_too(client, mixed_events):
    assert listed_titles(client.get("/events/past/", {"type": "meeting"})) == ["Last meeting"]
    assert listed_titles(client.get("/events/past/", {"type": "workshop"})) == []


def test_unknown_filter_values_are_ignored(client, mixed_events):
    response = client.get("/events/", {"type": "<script>", "format": "by-pigeon"})

    assert len(listed_titles(response)) == 3
    assert b"<script>" not in response.content


def test_filter_form_is_a_labelled_get_form_that_keeps_the_choice(client, mixed_events):
    soup = soup_of(client.get("/events/", {"type": "workshop"}))

    form = soup.select_one("form.event-filters")
    assert form["method"] == "get"
    for select in form.find_all("select"):
        assert form.find("label", attrs={"for": select["id"]})
    assert form.select_one("#event-filter-type option[selected]")["value"] == "workshop"
    assert soup.find("a", string="Clear filters")


def test_no_match_offers_to_clear_the_filters(client, mixed_events):
    soup = soup_of(client.get("/events/", {"type": "conference"}))

    assert "No upcoming events match these filters." in soup.get_text()
    assert soup.find("a", string="Show all upcoming events")["href"] == "/events/"


def test_empty_listing_shows_the_editors_text(client, events_index):
    events_index.no_upcoming_text = "Nothing planned yet."
    events_index.save_revision().publish()

    soup = soup_of(client.get("/events/"))

    assert "Nothing planned yet." in soup.get_text()
    assert not soup.select(".event-summary")


def test_cancelled_event_stays_listed_with_its_status(client, events_index):
    EventPageFactory(parent=events_index, title="Called off", status=EventPage.Status.CANCELLED)

    soup = soup_of(client.get("/events/"))

    assert soup.select_one(".event-status-tag").get_text(strip=True) == "Cancelled"


def test_drafts_and_private_events_are_not_listed(client, events_index):
    EventPageFactory(parent=events_index, title="Draft", live=False)
    private = EventPageFactory(parent=events_index, title="Members only")
    private.view_restrictions.create(restriction_type="login")
    EventPageFactory(parent=events_index, title="Public")

    assert listed_titles(client.get("/events/")) == ["Public"]


@pytest.fixture
def many_events(events_index, now):
    for day in range(1, EVENTS_PER_PAGE * 2 + 4):  # three pages
        EventPageFactory(parent=events_index, title=f"Day {day}", start=now + timedelta(days=day))


def test_listing_is_paginated_with_an_accessible_pager(client, many_events):
    response = client.get("/events/", {"page": 2})
    soup = soup_of(response)

    assert listed_titles(response)[0] == f"Day {EVENTS_PER_PAGE + 1}"
    pager = soup.find("nav", attrs={"aria-label": "Pagination"})
    assert pager.find("a", attrs={"aria-current": "page"}).get_text(" ", strip=True) == "Page 2"
    assert pager.find("a", rel="next")


def test_last_page_holds_the_remainder(client, many_events):
    assert listed_titles(client.get("/events/", {"page": 3})) == ["Day 21", "Day 22", "Day 23"]


def test_pager_keeps_the_filters(client, many_events):
    soup = soup_of(client.get("/events/", {"type": "meeting", "page": 1}))

    assert "type=meeting" in soup.find("a", rel="next")["href"]


def test_bad_page_numbers_show_the_first_or_last_page(client, many_events):
    """Not a number: the first page. A number with no page: the last page (Django's rule)."""
    for page, expected_first in [
        ("abc", "Day 1"),
        ("", "Day 1"),
        ("999", "Day 21"),
        ("0", "Day 21"),
        ("-1", "Day 21"),
        ("9" * 40, "Day 21"),
    ]:
        response = client.get("/events/", {"page": page})
        assert listed_titles(response)[0] == expected_first, page


def test_listing_offers_the_calendar_feed(client, events_index):
    soup = soup_of(client.get("/events/"))

    assert soup.find("link", rel="alternate", type="text/calendar")["href"] == "/events/feed.ics"
    section = soup.select_one(".calendar-subscribe")
    assert section.find("a", string="Subscribe with your calendar app")["href"] == (
        "webcal://testserver/events/feed.ics"
    )
    assert section.find("input")["value"] == "http://testserver/events/feed.ics"
    assert "calendar.google.com" in section.find("a", string="Subscribe in Google Calendar")["href"]


def test_sitemap_lists_the_events_page_its_archive_and_each_event(client, mixed_events):
    content = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/events/</loc>" in content
    assert "http://testserver/events/past/</loc>" in content
    assert "http://testserver/events/online-meeting/</loc>" in content
