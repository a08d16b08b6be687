"""The library's pages run the same few queries for 10 resources as for 1,000."""

import datetime

import pytest
from django.utils import timezone

from library.models import ResourcePage, ResourceType, Topic
from tests.library.factories import ResourceDocumentFactory, ResourcePageFactory, event_index
from tests.library.factories import event_page as make_event
from tests.query_counts import FEW, MANY, add_live_pages, query_counts


def add_resources(library, count, start):
    topics = list(Topic.objects.all())
    types = list(ResourceType.objects.all())
    resources = add_live_pages(
        library,
        [
            ResourcePage(
                title=f"Resource {number:04d}",
                slug=f"resource-{number:04d}",
                summary="Sedation practice in paediatric intensive care.",
                resource_type=types[number % len(types)],
                publication_date=datetime.date(2020 + number % 5, 1 + number % 12, 1),
            )
            for number in range(start, start + count)
        ],
    )
    ResourcePage.topics.through.objects.bulk_create(
        ResourcePage.topics.through(resourcepage_id=resource.pk, topic_id=topic.pk)
        for number, resource in enumerate(resources, start)
        for topic in (topics[number % len(topics)], topics[(number + 1) % len(topics)])
    )


@pytest.fixture
def requests(library, home_page):
    # One resource matches every filter below, so each request lists results at both sizes.
    events = event_index(home_page)
    resource = ResourcePageFactory(
        parent=library,
        title="The resource",
        summary="Sedation practice in paediatric intensive care.",
        resource_type=ResourceType.objects.get(slug="guideline"),
        topics=list(Topic.objects.filter(slug__in=["trials", "education"])),
        publication_date=datetime.date(2022, 6, 1),
        related_events=[make_event(events, "Study day", timezone.now())],
        publish=True,
    )
    ResourceDocumentFactory(page=resource)
    return {
        "listing": (library.url, None),
        "search with filters and sort": (
            library.url,
            {
                "q": "sedation",
                "topic": ["trials", "education", "evidence-based-care"],
                "type": "guideline",
                "year": "2022",
                "sort": "title",
            },
        ),
        "search only": (library.url, {"q": "paediatric", "page": "1"}),
        "open opportunities": (library.url, {"open": "on"}),
        "last page": (library.url, {"page": "100"}),
        "feed": (library.url + "feed/", None),
        "resource page": (resource.url, None),
    }


def test_library_pages_run_the_same_few_queries_for_10_and_1000_resources(
    client, library, requests
):
    add_resources(library, FEW - 1, start=0)
    few = query_counts(client, requests)

    add_resources(library, MANY - FEW, start=FEW)
    assert ResourcePage.objects.live().count() == MANY

    assert query_counts(client, requests) == few
