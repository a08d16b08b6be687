"""An editor types an event's dates with the keyboard the UK way: the admin keeps what was typed,
refuses what it cannot read, and the public page shows the day and time that were meant."""

import pytest
from playwright.sync_api import expect

from events.models import EventPage
from tests.browser.conftest import MODERATOR_PASSWORD as PASSWORD
from tests.browser.conftest import MODERATOR_USERNAME as USERNAME

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_autosave")]

TITLE = "Example spring study day"


def sign_in_and_start_an_event(page, event_format="In person"):
    page.goto("/admin/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Add an event").first.click()
    page.wait_for_url("**/admin/pages/add/events/eventpage/**")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Example: a day of talks.")
    page.get_by_role("tab", name="Details").click()
    page.locator("#id_event_type").select_option(label="Educational event")
    if event_format:
        page.locator("#id_format").select_option(label=event_format)
    page.locator("#id_venue_name").fill("Example venue (not a real venue)")
    page.locator("#id_venue_address").fill("Example street\nExample town")


def type_into(page, field, text):
    page.locator(field).click()
    page.keyboard.type(text)
    page.keyboard.press("Tab")


def publish(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()


def test_dates_typed_the_uk_way_are_kept_saved_and_shown(
    moderator_account, events_listing, page, visitor
):
    sign_in_and_start_an_event(page)

    type_into(page, "#id_start", "10/05/2037 14:00")
    type_into(page, "#id_end", "10/05/2037 16:30")

    assert page.locator("#id_start").input_value() == "10/05/2037 14:00"
    assert page.locator("#id_end").input_value() == "10/05/2037 16:30"
    publish(page)
    page.wait_for_url("**/admin/pages/*/")
    visitor.goto(EventPage.objects.get(title=TITLE).url)
    assert "Sunday 10 May 2037, 14:00 to 16:30 UK time" in visitor.locator("main").inner_text()


def test_unreadable_time_stays_as_typed_and_is_refused(moderator_account, page):
    sign_in_and_start_an_event(page)

    type_into(page, "#id_start", "2037-05-10 4pm")
    type_into(page, "#id_end", "10/05/2037 16:30")

    assert page.locator("#id_start").input_value() == "2037-05-10 4pm"
    publish(page)
    page.get_by_role("tab", name="Details").click()
    assert page.get_by_text("e.g. 10/05/2027 14:00").is_visible()
    assert not EventPage.objects.filter(title=TITLE).exists()


def test_picking_days_sets_no_clock_time_and_the_end_opens_on_the_start_month(
    moderator_account, page
):
    sign_in_and_start_an_event(page)

    page.locator("#id_start").click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    picker.locator("td.xdsoft_date:not(.xdsoft_other_month)", has_text="12").first.click()
    page.keyboard.press("Escape")
    start = page.locator("#id_start").input_value()
    assert start.endswith(" 09:00"), start

    page.locator("#id_start").fill("10/05/2037 14:00")
    page.keyboard.press("Escape")
    page.locator("#id_end").click()
    picker = page.locator(".xdsoft_datetimepicker:visible")
    # The picker moves to the start's month as it opens: wait for it, as a person would.
    expect(picker.locator(".xdsoft_month span")).to_have_text("May")
    expect(picker.locator(".xdsoft_year span")).to_have_text("2037")
    picker.locator("td.xdsoft_date:not(.xdsoft_other_month)", has_text="11").first.click()
    assert page.locator("#id_end").input_value() == "11/05/2037 14:00"
