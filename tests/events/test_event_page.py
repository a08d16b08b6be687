"""What a reader sees on an event page: when (UK time), where, status, registration, CPD."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from events.models import EventPage
from tests.events.factories import EventPageFactory


def page_soup(client, event):
    response = client.get(event.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def detail(soup, term):
    dt = soup.find("dt", string=term)
    return dt.find_next_sibling("dd").get_text(" ", strip=True) if dt else None


def test_bst_event_shows_uk_summer_time(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        start=datetime(2026, 7, 14, 13, 0, tzinfo=UTC),
        end=datetime(2026, 7, 14, 15, 0, tzinfo=UTC),
    )

    assert detail(page_soup(client, event), "When") == (
        "Tuesday 14 July 2026, 14:00 to 16:00 UK time"
    )


def test_gmt_event_shows_uk_winter_time(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        start=datetime(2026, 12, 8, 14, 0, tzinfo=UTC),
        end=datetime(2026, 12, 8, 16, 0, tzinfo=UTC),
    )

    assert detail(page_soup(client, event), "When") == (
        "Tuesday 8 December 2026, 14:00 to 16:00 UK time"
    )


def test_in_person_event_shows_the_venue_and_not_joining_details(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        format=EventPage.Format.IN_PERSON,
        venue_name="Example hall",
        venue_address="1 Example Street\nExample Town",
    )

    soup = page_soup(client, event)

    assert detail(soup, "Format") == "In person"
    assert detail(soup, "Venue") == "Example hall 1 Example Street Example Town"
    assert detail(soup, "Joining online") is None


def test_hybrid_event_shows_venue_and_how_to_join(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        format=EventPage.Format.HYBRID,
        venue_name="Example hall",
        venue_address="1 Example Street",
        joining_link="https://example.org/join",
        joining_details="Cameras optional.",
    )

    soup = page_soup(client, event)

    assert detail(soup, "Venue").startswith("Example hall")
    assert "Cameras optional." in detail(soup, "Joining online")
    assert soup.select_one(".event-details a[href='https://example.org/join']")


def test_open_registration_shows_the_link_and_closing_time(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        registration_url="https://example.org/book",
        registration_deadline=now + timedelta(days=2, hours=5),  # 16 April 17:00 BST
    )

    soup = page_soup(client, event)

    assert soup.select_one(".event-details__registration a")["href"] == "https://example.org/book"
    assert detail(soup, "Registration").endswith(
        "Registration closes Thursday 16 April 2026, 17:00 UK time."
    )


def test_registration_after_its_deadline_says_it_has_closed(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        registration_url="https://example.org/book",
        registration_deadline=now - timedelta(minutes=1),
    )

    soup = page_soup(client, event)

    assert detail(soup, "Registration") == "Registration has closed."
    assert not soup.select(".event-details__registration a")


def test_cancelled_event_says_so_prominently_and_closes_registration(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        status=EventPage.Status.CANCELLED,
        status_note="A new date will be announced.",
        registration_url="https://example.org/book",
    )

    soup = page_soup(client, event)

    banner = soup.select_one(".event-status--cancelled")
    assert "This event has been cancelled." in banner.get_text()
    assert "A new date will be announced." in banner.get_text()
    assert soup.h1.find_next_sibling() == banner
    assert detail(soup, "Registration") == "Registration has closed."


def test_postponed_event_says_so(client, events_index, now):
    event = EventPageFactory(parent=events_index, status=EventPage.Status.POSTPONED)

    assert "This event has been postponed." in page_soup(client, event).get_text()


def test_cpd_hours_are_shown_when_given(client, events_index, now):
    with_cpd = EventPageFactory(parent=events_index, cpd_hours=Decimal("1.5"))
    one_hour = EventPageFactory(parent=events_index, cpd_hours=Decimal("1"))
    without = EventPageFactory(parent=events_index)

    assert detail(page_soup(client, with_cpd), "CPD") == "1.5 CPD hours"
    assert detail(page_soup(client, one_hour), "CPD") == "1 CPD hour"
    assert detail(page_soup(client, without), "CPD") is None


def test_summary_is_the_meta_description(client, events_index, now):
    event = EventPageFactory(parent=events_index, summary="A short description.")

    soup = page_soup(client, event)

    assert soup.find("meta", attrs={"name": "description"})["content"] == "A short description."


def test_upcoming_event_offers_google_outlook_and_ics(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        title="Spring meeting",
        start=datetime(2026, 4, 21, 13, 0, tzinfo=UTC),
        end=datetime(2026, 4, 21, 15, 0, tzinfo=UTC),
    )

    links = page_soup(client, event).select_one(".add-to-calendar")

    google = parse_qs(urlsplit(links.find("a", string="Add to Google Calendar")["href"]).query)
    assert google["text"] == ["Spring meeting"]
    assert google["dates"] == ["20260421T130000Z/20260421T150000Z"]
    assert "http://testserver/events/spring-meeting/" in google["details"][0]
    outlook = parse_qs(urlsplit(links.find("a", string="Add to Outlook")["href"]).query)
    assert outlook["startdt"] == ["2026-04-21T13:00:00Z"]
    assert outlook["enddt"] == ["2026-04-21T15:00:00Z"]
    assert outlook["subject"] == ["Spring meeting"]
    ics = links.find("a", href=True, download=True)
    assert ics["href"] == "/events/spring-meeting/ics/"
    assert not links.find("script")


def test_all_day_event_links_use_whole_days(client, events_index, now):
    day = datetime(2026, 6, 9, 9, 0, tzinfo=UTC)
    event = EventPageFactory(parent=events_index, start=day, end=day, all_day=True)

    links = page_soup(client, event).select_one(".add-to-calendar")

    google = parse_qs(urlsplit(links.find("a", string="Add to Google Calendar")["href"]).query)
    assert google["dates"] == ["20260609/20260610"]
    outlook = parse_qs(urlsplit(links.find("a", string="Add to Outlook")["href"]).query)
    assert outlook["allday"] == ["true"]


def test_cancelled_event_offers_only_the_cancellation_file(client, events_index, now):
    event = EventPageFactory(parent=events_index, status=EventPage.Status.CANCELLED)

    links = page_soup(client, event).select_one(".add-to-calendar")

    assert [a.get_text() for a in links.find_all("a")] == ["Download the cancellation (.ics file)"]


def test_finished_event_says_so_and_offers_no_calendar_links(client, events_index, now):
    event = EventPageFactory(parent=events_index, start=now - timedelta(days=3))

    soup = page_soup(client, event)

    assert "This event has finished." in soup.select_one(".event-status").get_text()
    assert not soup.select(".add-to-calendar")


def test_editor_preview_of_unsaved_changes_renders(events_index, now):
    event = EventPageFactory(parent=events_index)
    event.title = "Retitled in the editor"
    event.start -= timedelta(days=30)  # moved into the past, not yet saved
    event.end -= timedelta(days=30)
    event.ends_at = None  # as for a page that has never been saved

    response = event.make_preview_request()

    assert response.status_code == 200
    assert "This event has finished." in response.content.decode()
