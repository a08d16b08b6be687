"""With JavaScript switched off, readers can still navigate, filter, page through and join.

The site ships no JavaScript of its own today; these checks keep it that way in effect, so a
script added later can only improve pages that already work. The checks share one loading of
the demo content (a few seconds each time) and report as subtests, one per behaviour.
"""

import pytest

from events.models import EventPage
from library.models import LibraryIndexPage
from membership.models import JoinRequest

pytestmark = pytest.mark.browser

EXTRA_PAST_EVENTS = 10  # with the demo's own past events, more than one page (10 a page)


@pytest.fixture
def crowded_archive(demo_pages):
    """Enough finished events for the past events listing to need a second page."""
    finished = EventPage.objects.live().past().first()
    for number in range(EXTRA_PAST_EVENTS):
        finished.copy(
            update_attrs={
                "title": f"{finished.title}, repeat {number}",
                "slug": f"{finished.slug}-{number}",
            }
        )


def test_the_site_works_without_javascript(crowded_archive, page_without_javascript, subtests):
    for check in [
        every_navigation_link_works,
        site_search_works,
        event_filters_work,
        library_filters_work,
        pagination_works,
        join_form_works,
    ]:
        with subtests.test(msg=check.__name__.replace("_", " ")):
            check(page_without_javascript)


def every_navigation_link_works(page):
    page.goto("/")
    names = page.locator(".main-nav a").all_inner_texts()

    for name in names:
        page.locator(".main-nav").get_by_role("link", name=name, exact=True).click()
        assert page.locator(".main-nav [aria-current=page]").inner_text() == name
        assert page.locator("h1").count() == 1


def site_search_works(page):
    page.goto("/")

    page.get_by_role("searchbox", name="Search the site").fill("meeting")
    page.keyboard.press("Enter")

    page.wait_for_url("**/search/?query=meeting")
    assert page.locator(".result-list a").count() > 0


def event_filters_work(page):
    page.goto("/events/")

    page.get_by_label("Format").select_option(label="Online")
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url("**/events/?*format=online*")
    formats = page.locator(".event-summary__meta").all_inner_texts()
    assert formats
    assert all(text.endswith("· Online") for text in formats), formats
    page.get_by_role("link", name="Clear filters").click()
    assert "format=" not in page.url


def library_filters_work(page):
    library = LibraryIndexPage.objects.live().first()
    assert library, "The demo content has no resource library"
    page.goto(library.url)
    everything = page.locator(".result-count").inner_text()

    page.get_by_label("Type of resource").select_option(label="Presentation")
    page.get_by_role("button", name="Apply filters").click()

    page.wait_for_url("**type=presentation*")
    assert page.locator(".result-count").inner_text() != everything
    assert "Type: Presentation" in page.locator(".library-applied").inner_text()


def pagination_works(page):
    page.goto("/events/past/")
    first_page = page.locator(".event-summary__title").all_inner_texts()

    page.get_by_role("navigation", name="Pagination").get_by_role("link", name="Next").click()

    page.wait_for_url("**/events/past/?page=2")
    assert "Page 2 of 2" in page.locator(".pagination").inner_text()
    second_page = page.locator(".event-summary__title").all_inner_texts()
    assert second_page
    assert not set(second_page) & set(first_page)


def join_form_works(page):
    page.goto("/join/")

    page.get_by_role("button", name="Send request").click()
    assert "There is a problem" in page.locator(".error-summary").inner_text()

    page.get_by_label("Full name").fill("Sam Example")
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_role("group", name="What is your professional role?").get_by_label("Nurse").check()
    page.get_by_label("Organisation or unit").fill("Example PICU")
    page.get_by_role("group", name="Where do you work?").get_by_label("Wales").check()
    page.get_by_role("group", name="Are you clinically active?").get_by_label("No").check()
    page.get_by_role("group", name="What research experience").get_by_label("None yet").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Send request").click()

    page.wait_for_url("**/join/thank-you/")
    request = JoinRequest.objects.get()
    assert (request.full_name, request.region, request.clinically_active) == (
        "Sam Example",
        JoinRequest.Region.WALES,
        False,
    )
