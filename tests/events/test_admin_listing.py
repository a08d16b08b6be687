"""The admin's list of events: date, type, format and status, upcoming first, filterable."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup

from events.models import EventPage, EventType
from tests.events.factories import EventPageFactory

LIST_URL = "/admin/event_pages/"


def rows(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [cell.get_text(" ", strip=True) for cell in row.select("td")]
        for row in soup.select("table.listing tbody tr")
    ]


def titles(response):
    return [next(cell for cell in row if cell).split(" ")[0] for row in rows(response)]


@pytest.fixture
def events(events_index, now):
    made = {
        "soon": EventPageFactory(parent=events_index, title="Soon", start=now + timedelta(days=1)),
        "later": EventPageFactory(
            parent=events_index,
            title="Later",
            start=now + timedelta(days=30),
            status=EventPage.Status.POSTPONED,
        ),
        "recent": EventPageFactory(
            parent=events_index, title="Recent", start=now - timedelta(days=3)
        ),
        "older": EventPageFactory(
            parent=events_index, title="Older", start=now - timedelta(days=40)
        ),
    }
    draft = EventPageFactory(
        parent=events_index,
        title="Draft",
        start=now + timedelta(days=10),
        event_type=EventType.objects.get(slug="webinar"),
    )
    draft.unpublish()
    made["draft"] = draft
    return made


def test_events_are_listed_upcoming_first_then_past(admin_client, events):
    response = admin_client.get(LIST_URL)

    assert response.status_code == 200
    assert titles(response) == ["Soon", "Draft", "Later", "Recent", "Older"]


def test_each_row_shows_date_type_format_and_status(admin_client, events):
    listed = [" | ".join(row) for row in rows(admin_client.get(LIST_URL))]

    later = next(text for text in listed if "Later" in text)
    assert "Thu 14 May 2026, 12:00" in later
    assert "Meeting" in later and "Online" in later and "Postponed" in later
    draft = next(text for text in listed if "Draft" in text)
    assert "Webinar" in draft and "Draft (not published)" in draft


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=postponed", ["Later"]),
        ("status=draft", ["Draft"]),
        ("status=scheduled", ["Soon", "Recent", "Older"]),
        ("status=nonsense", ["Soon", "Draft", "Later", "Recent", "Older"]),
    ],
)
def test_events_are_filtered_by_status(admin_client, events, query, expected):
    assert titles(admin_client.get(f"{LIST_URL}?{query}")) == expected


def test_events_are_filtered_by_type(admin_client, events):
    webinar = EventType.objects.get(slug="webinar")

    assert titles(admin_client.get(f"{LIST_URL}?event_type={webinar.pk}")) == ["Draft"]


def test_listing_takes_a_fixed_number_of_queries(
    admin_client, events, events_index, django_assert_max_num_queries
):
    admin_client.get(LIST_URL)
    for _ in range(5):
        EventPageFactory(parent=events_index)

    with django_assert_max_num_queries(40):
        admin_client.get(LIST_URL)


def test_events_menu_holds_the_events_and_their_types(admin_client, db):
    html = admin_client.get("/admin/").content.decode()

    assert LIST_URL in html
    assert "/admin/snippets/events/eventtype/" in html
