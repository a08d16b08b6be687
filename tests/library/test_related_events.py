import datetime

import pytest
from django.utils import timezone

from events.models import EventPage
from library.templatetags.library_tags import related_resources
from tests.library.factories import ResourcePageFactory, event_index, event_page
from tests.library.helpers import soup
from tests.query_counts import MAX_QUERIES, warm_queries


@pytest.fixture
def events(home_page):
    index = event_index(home_page)
    start = timezone.make_aware(datetime.datetime(2025, 3, 12, 14, 0))
    return [
        event_page(index, "Spring study day", start),
        event_page(index, "Autumn webinar", start + datetime.timedelta(days=180)),
    ]


def section_links(response, selector):
    section = soup(response).select_one(selector)
    return [link.get_text(strip=True) for link in section.select("a")] if section else []


def test_a_resource_lists_its_related_events(client, library, events):
    resource = ResourcePageFactory(parent=library, title="Study day slides", related_events=events)

    response = client.get(resource.url)

    assert section_links(response, ".resource__events") == ["Autumn webinar", "Spring study day"]
    assert "Wednesday 12 March 2025, 14:00 to 16:00 UK time" in response.content.decode()


def test_an_event_lists_its_related_resources(client, library, events):
    ResourcePageFactory(parent=library, title="Study day slides", related_events=[events[0]])
    ResourcePageFactory(parent=library, title="Study day recording", related_events=[events[0]])
    ResourcePageFactory(parent=library, title="Unrelated paper")

    response = client.get(events[0].url)

    assert section_links(response, ".related-resources") == [
        "Study day recording",
        "Study day slides",
    ]


def test_an_event_without_resources_shows_no_related_resources_section(client, events):
    assert soup(client.get(events[1].url)).select_one(".related-resources") is None


def test_draft_resources_and_events_are_not_linked(client, library, events):
    resource = ResourcePageFactory(parent=library, title="Draft slides", related_events=events)
    events[1].unpublish()
    shown_on_resource = section_links(client.get(resource.url), ".resource__events")
    resource.unpublish()

    assert shown_on_resource == ["Spring study day"]
    assert section_links(client.get(events[0].url), ".related-resources") == []


def test_an_event_page_runs_the_same_queries_however_many_resources(client, library, events):
    ResourcePageFactory(parent=library, related_events=[events[0]])
    with_one = len(warm_queries(client, events[0].url))
    ResourcePageFactory.create_batch(12, parent=library, related_events=[events[0]])

    assert len(warm_queries(client, events[0].url)) == with_one <= MAX_QUERIES
    response = client.get(events[0].url)
    assert len(soup(response).select(".related-resources li")) == 13


def test_a_resource_preview_shows_the_editors_unsaved_choice_of_events(library, events):
    resource = ResourcePageFactory(parent=library, related_events=[events[0]])
    resource.related_events = [events[1]]

    response = resource.make_preview_request()

    assert response.status_code == 200
    assert section_links(response, ".resource__events") == ["Autumn webinar"]


def test_a_new_event_being_previewed_lists_no_resources(library, events):
    ResourcePageFactory(parent=library, title="Unrelated paper")
    new_event = EventPage(title="Not saved yet")

    assert list(related_resources({}, new_event)["resources"]) == []
