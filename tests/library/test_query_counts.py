"""The library's pages run the same number of queries for 5 resources as for 300."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from library.models import ResourceType, Topic
from tests.library.factories import ResourceDocumentFactory, ResourcePageFactory

MAX_QUERIES = 20


def add_resources(library, count, start):
    topics = list(Topic.objects.all())
    types = list(ResourceType.objects.all())
    for number in range(start, start + count):
        ResourcePageFactory(
            parent=library,
            title=f"Resource {number:03d}",
            summary="Sedation practice in paediatric intensive care.",
            resource_type=types[number % len(types)],
            topics=[topics[number % len(topics)], topics[(number + 1) % len(topics)]],
            publication_date=datetime.date(2020 + number % 5, 1 + number % 12, 1),
        )


def queries_for(client, url, params=None):
    client.get(url, params)  # Fill the site's caches, as any earlier visitor would.
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.fixture
def requests(library):
    # One resource matches every filter below, so each request lists results at both sizes.
    resource = ResourcePageFactory(
        parent=library,
        title="The resource",
        summary="Sedation practice in paediatric intensive care.",
        resource_type=ResourceType.objects.get(slug="guideline"),
        topics=list(Topic.objects.filter(slug__in=["trials", "education"])),
        publication_date=datetime.date(2022, 6, 1),
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
        "search only": (library.url, {"q": "paediatric", "page": "3"}),
        "open opportunities": (library.url, {"open": "on"}),
        "feed": (library.url + "feed/", None),
        "resource page": (resource.url, None),
    }


def test_library_pages_run_a_fixed_number_of_queries_at_5_and_300_resources(
    client, library, requests, django_assert_max_num_queries
):
    add_resources(library, 4, start=0)
    at_5 = {name: queries_for(client, *request) for name, request in requests.items()}
    add_resources(library, 295, start=4)

    for name, (url, params) in requests.items():
        client.get(url, params)
        with django_assert_max_num_queries(min(at_5[name], MAX_QUERIES), info=name):
            client.get(url, params)
