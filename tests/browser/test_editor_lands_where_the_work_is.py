"""After submitting a page for moderation, or approving one, the editor lands where the work is:
the dashboard or the page's own listing, never the site's Root; and a Moderator reviewing a
change opens, from the page, Wagtail's comparison of what the Editor changed."""

import pytest
from playwright.sync_api import expect

from events.models import EventIndexPage, EventPage
from home.models import HomePage
from tests.browser.conftest import LAPTOPS, sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_autosave")]

laptops = pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size['width']}px")


def more_actions(page, action):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=action, exact=True).click()


def second_person(page, live_server, screen):
    """A second browser window, for the Moderator beside the Editor."""
    context = page.context.browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.set_viewport_size(screen)
    return tab


@laptops
def test_submitting_and_approving_the_home_page_lands_on_the_dashboard_not_root(
    account_in, page, live_server, screen
):
    account_in("Editors")
    account_in("Moderators")
    home = HomePage.objects.get()
    page.set_viewport_size(screen)
    sign_in_as(page, "editors")
    page.goto(f"/admin/pages/{home.pk}/edit/")
    page.locator("#id_title").fill("Implementation Group home (reworded)")
    more_actions(page, "Submit to Moderators approval")

    page.wait_for_url("**/admin/")
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")
    expect(page.get_by_role("heading", name="Root")).to_have_count(0)

    moderator = second_person(page, live_server, screen)
    sign_in_as(moderator, "moderators")
    review = moderator.locator("#awaiting-review-content")
    review.get_by_role("link", name="Implementation Group home (reworded)").click()
    moderator.get_by_role("link", name="See what was changed").click()
    expect(moderator.locator("main")).to_contain_text("Implementation Group home (reworded)")
    expect(moderator.locator("main")).to_contain_text(home.title)

    moderator.go_back()
    more_actions(moderator, "Approve and Publish")
    moderator.wait_for_url("**/admin/")
    expect(moderator.locator(".messages")).to_contain_text("has been updated")
    expect(moderator.get_by_role("heading", name="Root")).to_have_count(0)
    moderator.context.close()
    assert HomePage.objects.get().title == "Implementation Group home (reworded)"


@laptops
def test_submitting_an_event_lands_on_the_events_listing(account_in, page, screen):
    account_in("Editors")
    event = EventPage.objects.live().upcoming().first()
    # Read before submitting: on SQLite a query while the live server writes finds the table locked.
    index = EventIndexPage.objects.get()
    page.set_viewport_size(screen)
    sign_in_as(page, "editors")
    page.goto(f"/admin/pages/{event.pk}/edit/")
    page.locator("#id_summary").fill("Example: a changed summary.")
    more_actions(page, "Submit to Moderators approval")

    page.wait_for_url(f"**/admin/pages/{index.pk}/")
    expect(page.get_by_role("heading", name="Root")).to_have_count(0)
