"""Standard pages run the same few queries on a site of 10 pages as on one of 1,000.

Half the pages are in the menu, so a long menu costs no more than a short one: it is read once
per change, like the breadcrumbs and site settings.
"""

from home.models import StandardPage
from tests.home.factories import StandardPageFactory
from tests.query_counts import FEW, MANY, add_live_pages, query_counts


def add_pages(parent, count, start):
    add_live_pages(
        parent,
        [
            StandardPage(
                title=f"Page {number}",
                slug=f"page-{number}",
                introduction="About the group.",
                show_in_menus=number % 2 == 0,
            )
            for number in range(start, start + count)
        ],
    )


def test_standard_pages_run_the_same_few_queries_for_10_and_1000_pages(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about", show_in_menus=True)
    nested = StandardPageFactory(parent=about, title="Terms of reference", slug="terms")
    requests = {
        "standard page": (about.url, None),
        "standard page under another": (nested.url, None),
    }
    add_pages(about, FEW - 2, start=0)
    few = query_counts(client, requests)

    add_pages(home_page, MANY - FEW, start=FEW)
    assert StandardPage.objects.live().count() == MANY

    assert query_counts(client, requests) == few
