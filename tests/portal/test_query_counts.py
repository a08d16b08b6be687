"""Every public page type runs at most 13 queries, and site search the same for 10 pages as 1,000.

Each app's tests hold its pages to the same count at 10 and at 1,000 items
(`tests/<app>/test_query_counts.py`); this one makes sure no page type is left out.
"""

from django.apps import apps
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from home.models import StandardPage
from portal.models import BasePage
from tests.query_counts import FEW, MANY, add_live_pages, query_counts


def public_page_types():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, BasePage) and not model._meta.abstract
    ]


def test_every_public_page_type_of_the_demo_site_runs_at_most_13_queries(client, demo_home):
    requests = {}
    for model in public_page_types():
        page = model.objects.live().public().first()
        assert page is not None, f"The demo site has no {model.__name__}: add one to measure it"
        requests[model.__name__] = (page.url, None)
    event = Page.objects.type(*public_page_types()).live().filter(url_path__contains="/events/")
    requests |= {
        "past events": ("/events/past/", None),
        "event calendar file": (event.last().specific.url + "ics/", None),
        "calendar feed": ("/events/feed.ics", None),
        "library feed": ("/resources/feed/", None),
        "join thank-you page": ("/join/thank-you/", None),
        "site search": ("/search/", {"query": "meeting"}),
        "sign-up page": ("/notifications/", None),
        "sitemap": ("/sitemap.xml", None),
    }

    query_counts(client, requests)


def add_pages(parent, count, start):
    pages = add_live_pages(
        parent,
        [
            StandardPage(
                title=f"Sedation guidance {number}",
                slug=f"sedation-{number}",
                introduction="Sedation practice in paediatric intensive care.",
            )
            for number in range(start, start + count)
        ],
    )
    get_search_backend().add_bulk(StandardPage, pages)


def test_site_search_runs_the_same_few_queries_for_10_and_1000_matches(client, home_page):
    requests = {
        "search": ("/search/", {"query": "sedation"}),
        "search, last page": ("/search/", {"query": "sedation", "page": "1000"}),
        "search without matches": ("/search/", {"query": "nothing"}),
    }
    add_pages(home_page, FEW, start=0)
    few = query_counts(client, requests)

    add_pages(home_page, MANY - FEW, start=FEW)
    assert StandardPage.objects.live().count() == MANY

    assert query_counts(client, requests) == few
