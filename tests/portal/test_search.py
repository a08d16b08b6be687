import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page
from wagtail.rich_text import RichText

from tests.home.factories import StandardPageFactory


@pytest.fixture
def membership_page(home_page):
    """One published page with a word no page title or other page has."""
    return StandardPageFactory(
        parent=home_page,
        title="Membership",
        slug="membership",
        body=[("paragraph", RichText("<p>Getting evidence to the bedside in critical care.</p>"))],
    )


def result_titles(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select(".result-list a")]


def test_search_finds_a_page_by_a_word_from_its_body(client, membership_page):
    response = client.get("/search/", {"query": "bedside"})

    assert response.status_code == 200
    assert "Membership" in result_titles(response)


def test_search_with_no_matches_says_so(client, membership_page):
    response = client.get("/search/", {"query": "xylophone"})

    assert b"0 results" in response.content
    assert "<title>Search results for “xylophone” | Implementation Group</title>" in (
        response.content.decode()
    )
    assert b"No pages match your search" in response.content


@pytest.mark.parametrize("page", ["abc", "-1", "0", "99999", "1.5", ""])
def test_search_survives_bad_page_numbers(client, membership_page, page):
    response = client.get("/search/", {"query": "care", "page": page})

    assert response.status_code == 200


def test_overlong_search_gets_a_clear_message(client, membership_page):
    response = client.get("/search/", {"query": "x" * 5000})

    assert response.status_code == 200
    assert b"200 characters or fewer" in response.content


def test_draft_pages_are_not_found(client, membership_page):
    membership_page.unpublish()

    assert "Membership" not in result_titles(client.get("/search/", {"query": "bedside"}))


@pytest.mark.parametrize(
    "query", ['"unbalanced', "(care", "care*", "AND", "'", "-", "\\", "<script>"]
)
def test_search_syntax_characters_never_break_the_page(client, membership_page, query):
    response = client.get("/search/", {"query": query})

    assert response.status_code == 200


def test_search_ignores_punctuation_around_words(client, membership_page):
    assert "Membership" in result_titles(client.get("/search/", {"query": '"bedside'}))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
@pytest.mark.django_db
def test_postgresql_sessions_sort_search_results_without_incremental_sort():
    # With it, a word every page uses took 17 s instead of 0.2 s over 10,000 pages
    # (benchmarks/library_search.py): see the DATABASES setting in config/settings/base.py.
    with connection.cursor() as cursor:
        cursor.execute("SHOW enable_incremental_sort")
        assert cursor.fetchone() == ("off",)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL planner setting")
@pytest.mark.django_db
def test_postgresql_sessions_plan_without_parallel_workers():
    # With them, a filtered library search sorted by title sorted all 10,000 resources in two
    # processes instead of its 111 matches in one: see config/settings/base.py.
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone() == ("0",)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL storage settings")
@pytest.mark.django_db
def test_postgresql_search_index_is_read_without_a_pending_list_or_toast_lookups():
    # See portal/migrations/0005_search_index_entries_read_without_detours.py.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'portal_search_title_body_gin'"
        )
        assert cursor.fetchone() == (["fastupdate=off"],)
        cursor.execute(
            "SELECT attstorage FROM pg_attribute "
            "WHERE attrelid = 'wagtailsearch_indexentry'::regclass AND attname = 'body'"
        )
        assert cursor.fetchone() == ("m",)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL query plan")
def test_postgresql_reads_the_words_of_a_search_once_per_query(membership_page):
    # Without a named text search configuration, to_tsquery() ran again for every page checked
    # and ranked: see WAGTAILSEARCH_BACKENDS in config/settings/base.py.
    with CaptureQueriesContext(connection) as queries:
        list(Page.objects.live().search("bedside"))
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + queries[-1]["sql"])
        plan = "\n".join(row[0] for row in cursor.fetchall())

    assert "'''bedsid'''::tsquery" in plan
    assert "to_tsquery" not in plan
