"""The home page shows the next three upcoming events and links to all events."""

from datetime import timedelta

from bs4 import BeautifulSoup

from tests.events.factories import EventPageFactory


def teaser(client):
    soup = BeautifulSoup(client.get("/").content, "html.parser")
    return soup.select_one("section.upcoming-events")


def test_home_shows_the_next_three_events_soonest_first(client, events_index, now):
    for day in [5, 1, 4, 2, 3]:
        EventPageFactory(parent=events_index, title=f"Day {day}", start=now + timedelta(days=day))
    EventPageFactory(parent=events_index, title="Last week", start=now - timedelta(days=7))

    section = teaser(client)

    titles = [a.get_text(strip=True) for a in section.select(".event-summary__title a")]
    assert titles == ["Day 1", "Day 2", "Day 3"]
    assert section.find("a", string="See all events")["href"] == "/events/"


def test_home_shows_an_event_in_progress(client, events_index, now):
    EventPageFactory(
        parent=events_index,
        title="Under way",
        start=now - timedelta(hours=1),
        end=now + timedelta(hours=1),
    )

    assert "Under way" in teaser(client).get_text()


def test_home_with_nothing_coming_up_says_so_and_still_links_to_events(client, events_index):
    section = teaser(client)

    assert events_index.no_upcoming_text in section.get_text()
    assert section.find("a", string="See all events")


def test_home_without_an_events_page_has_no_teaser(client, home_page):
    assert teaser(client) is None


def test_teaser_sits_between_the_aims_and_membership(client, events_index):
    soup = BeautifulSoup(client.get("/").content, "html.parser")

    headings = [h2["id"] for h2 in soup.select("main h2[id]")]
    assert headings.index("aims-heading") < headings.index("upcoming-events-heading")
    assert headings.index("upcoming-events-heading") < headings.index("membership-heading")
