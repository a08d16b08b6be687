"""A new event whose first publish failed is not left behind unseen: the draft kept of it (as
autosave keeps one) is listed on the dashboard as a draft never published, and one click and a
confirmation delete it."""

import pytest
from playwright.sync_api import expect

from events.models import EventPage
from tests.browser.conftest import LAPTOPS
from tests.browser.test_editor_types_dates import publish, sign_in_and_start_an_event

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_autosave")]

laptops = pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size['width']}px")
TITLE = "Slip test: No summary"


@laptops
def test_a_new_page_whose_first_publish_failed_is_listed_and_easy_to_delete(
    moderator_account, page, screen
):
    page.set_viewport_size(screen)
    sign_in_and_start_an_event(page)
    page.get_by_role("tab", name="Content").click()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("")
    page.get_by_role("tab", name="Details").click()
    page.locator("#id_start").fill("10/03/2037 14:00")
    page.locator("#id_end").fill("10/03/2037 16:00")
    # What autosave does moments after the first change: keep the new page as a draft.
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text(f"Page '{TITLE}' created")
    publish(page)
    expect(page.locator(".messages")).to_contain_text("could not be")
    assert EventPage.objects.filter(title=TITLE, live=False).exists()

    page.goto("/admin/")
    drafts = page.locator("#drafts-never-published-content")
    expect(drafts).to_contain_text(TITLE)
    expect(drafts).to_contain_text("Draft, never published")
    drafts.get_by_role("link", name=f"Delete {TITLE}").click()
    page.get_by_role("button", name="Yes, delete it").click()

    expect(page.locator(".messages")).to_contain_text("deleted")
    assert not EventPage.objects.filter(title=TITLE).exists()
