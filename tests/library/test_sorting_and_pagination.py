import datetime

import pytest
from django.db import connection

from library.forms import SORT_ORDERS
from library.models import RESOURCES_PER_PAGE
from tests.library.factories import ResourcePageFactory
from tests.library.helpers import listed_titles, result_count, soup


@pytest.fixture
def three(library):
    for title, published in [
        ("Beta guide", datetime.date(2022, 5, 1)),
        ("Alpha paper", datetime.date(2020, 1, 1)),
        ("Gamma toolkit", datetime.date(2024, 9, 1)),
    ]:
        ResourcePageFactory(parent=library, title=title, publication_date=published)


def test_the_listing_shows_the_newest_first_by_default(client, library, three):
    assert listed_titles(client.get(library.url)) == ["Gamma toolkit", "Beta guide", "Alpha paper"]


def test_the_listing_sorts_by_title(client, library, three):
    response = client.get(library.url, {"sort": "title"})

    assert listed_titles(response) == ["Alpha paper", "Beta guide", "Gamma toolkit"]


def test_search_results_follow_the_chosen_sort(client, library, three):
    newest = client.get(library.url, {"q": "Summary"})
    by_title = client.get(library.url, {"q": "Summary", "sort": "title"})

    assert listed_titles(newest) == ["Gamma toolkit", "Beta guide", "Alpha paper"]
    assert listed_titles(by_title) == ["Alpha paper", "Beta guide", "Gamma toolkit"]


@pytest.fixture
def many(library):
    for day in range(RESOURCES_PER_PAGE + 3):
        ResourcePageFactory(
            parent=library,
            title=f"Resource {day + 1:02d}",
            publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=day),
        )


def test_the_listing_is_paginated_with_a_count_of_all_results(client, library, many):
    first = client.get(library.url)
    last = client.get(library.url, {"page": "2"})

    assert result_count(first) == "13 resources"
    assert len(listed_titles(first)) == RESOURCES_PER_PAGE
    assert listed_titles(last) == ["Resource 03", "Resource 02", "Resource 01"]
    assert "Page 2 of 2" in soup(last).select_one(".pagination").get_text()


def test_pagination_links_keep_the_search_filters_and_sort(client, library, many):
    response = client.get(library.url, {"q": "Summary", "sort": "title", "year": "2024"})
    next_link = soup(response).select_one(".pagination a[rel=next]")["href"]

    assert "q=Summary" in next_link
    assert "sort=title" in next_link
    assert "year=2024" in next_link
    assert listed_titles(client.get(library.url + next_link)) == [
        "Resource 11",
        "Resource 12",
        "Resource 13",
    ]


def test_a_page_past_the_end_shows_the_last_page(client, library, many):
    assert listed_titles(client.get(library.url, {"page": "99"}))[0] == "Resource 03"


def test_no_matches_says_so_and_offers_a_reset(client, library, three):
    response = client.get(library.url, {"q": "xylophone", "sort": "title"})
    empty = soup(response).select_one(".library__empty")

    assert result_count(response) == "0 resources match “xylophone”"
    assert "No resources match your search and filters" in empty.get_text()
    assert empty.select_one("a")["href"] == library.url


def test_an_empty_library_says_nothing_is_published_yet(client, library):
    response = client.get(library.url)

    assert result_count(response) == "0 resources"
    assert "No resources have been published yet" in response.content.decode()


def test_newest_first_reads_resources_in_index_order(library, three):
    # With 10,000 resources, sorting them all for each listing or search took most of its time.
    resources = library.resources_for_listing().order_by(*SORT_ORDERS["newest"])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A handful of rows is quicker to sort, so only ask whether the index can be used.
            cursor.execute("SET enable_sort = off")
        try:
            plan = resources.explain()
        finally:
            if connection.vendor == "postgresql":
                cursor.execute("RESET enable_sort")

    assert "library_resource_newest" in plan
