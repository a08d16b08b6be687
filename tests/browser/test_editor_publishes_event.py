"""End to end: an editor logs in, writes and publishes an event in the admin, and a visitor
then finds it on the public events listing."""

from datetime import datetime, timedelta

import pytest

from portal.dates import UK_TIME
from tests.browser.conftest import MODERATOR_PASSWORD as PASSWORD
from tests.browser.conftest import MODERATOR_USERNAME as USERNAME

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_autosave")]

TITLE = "Example regional study day"


def uk_time(moment):
    return moment.astimezone(UK_TIME).strftime("%d/%m/%Y %H:%M")


def test_editor_publishes_an_event_that_a_visitor_then_sees(
    moderator_account, events_listing, page, visitor
):
    page.goto("/admin/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # The dashboard's events panel leads straight to a new event under the events index.
    page.get_by_role("link", name="Add an event").first.click()
    page.wait_for_url("**/admin/pages/add/events/eventpage/**")

    start = datetime.now(tz=UK_TIME).replace(hour=10, minute=0) + timedelta(days=40)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Example: a day of talks on putting trial evidence to use.")
    # Dates, place and type are on the Details tab, apart from the words readers see.
    page.get_by_role("tab", name="Details").click()
    page.locator("#id_event_type").select_option(label="Educational event")
    for field, moment in [("#id_start", start), ("#id_end", start + timedelta(hours=7))]:
        page.locator(field).fill(uk_time(moment))
        page.keyboard.press("Escape")
    page.locator("#id_format").select_option(label="In person")
    page.locator("#id_venue_name").fill("Example venue (not a real venue)")
    page.locator("#id_venue_address").fill("Example street\nExample town")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()

    page.wait_for_url("**/admin/pages/*/")
    assert f"'{TITLE}' created and published" in page.locator(".messages").inner_text()

    visitor.goto(events_listing)
    listed = visitor.get_by_role("link", name=TITLE)
    assert listed.is_visible()
    listed.click()
    assert visitor.get_by_role("heading", level=1).inner_text() == TITLE
    assert "Example venue (not a real venue)" in visitor.locator("main").inner_text()
