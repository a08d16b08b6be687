"""Each event page carries schema.org Event JSON-LD that search engines can read."""

import json
from datetime import UTC, datetime

from bs4 import BeautifulSoup

from events.models import EventPage
from tests.events.factories import EventPageFactory


def json_ld(client, event):
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    (script,) = soup.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_in_person_event_has_dates_with_uk_offset_and_a_place(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        title="Summer meeting",
        summary="The summer meeting.",
        start=datetime(2026, 7, 14, 13, 0, tzinfo=UTC),
        end=datetime(2026, 7, 14, 15, 0, tzinfo=UTC),
        format=EventPage.Format.IN_PERSON,
        venue_name="Example hall",
        venue_address="1 Example Street\nExample Town",
    )

    data = json_ld(client, event)

    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Summer meeting"
    assert data["description"] == "The summer meeting."
    assert data["url"] == "http://testserver/events/summer-meeting/"
    assert data["startDate"] == "2026-07-14T14:00:00+01:00"
    assert data["endDate"] == "2026-07-14T16:00:00+01:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {
        "@type": "Place",
        "name": "Example hall",
        "address": "1 Example Street, Example Town",
    }
    assert data["organizer"]["name"] == "Implementation Group"


def test_gmt_event_dates_carry_a_zero_offset(client, events_index, now):
    event = EventPageFactory(parent=events_index, start=datetime(2026, 12, 8, 14, 0, tzinfo=UTC))

    assert json_ld(client, event)["startDate"] == "2026-12-08T14:00:00+00:00"


def test_online_event_has_a_virtual_location(client, events_index, now):
    event = EventPageFactory(parent=events_index, joining_link="https://example.org/join")

    data = json_ld(client, event)

    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": "https://example.org/join"}


def test_hybrid_cancelled_event_has_both_locations_and_its_status(client, events_index, now):
    event = EventPageFactory(
        parent=events_index,
        format=EventPage.Format.HYBRID,
        venue_name="Example hall",
        venue_address="1 Example Street",
        status=EventPage.Status.CANCELLED,
    )

    data = json_ld(client, event)

    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]
    # Without a public joining link, the event page (which says how to join) stands in.
    assert data["location"][1]["url"] == data["url"]


def test_all_day_event_has_plain_dates(client, events_index, now):
    day = datetime(2026, 6, 9, 9, 0, tzinfo=UTC)
    event = EventPageFactory(parent=events_index, start=day, end=day, all_day=True)

    data = json_ld(client, event)

    assert (data["startDate"], data["endDate"]) == ("2026-06-09", "2026-06-09")


def test_text_cannot_break_out_of_the_script_element(client, events_index, now):
    event = EventPageFactory(parent=events_index, summary="</script><script>alert(1)</script>")

    response = client.get(event.url)

    assert b"</script><script>alert(1)" not in response.content
    assert json_ld(client, event)["description"] == "</script><script>alert(1)</script>"
