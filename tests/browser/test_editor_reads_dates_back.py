"""An editor types an event's dates and the admin says them back in words before anything is
published: a date without a time is refused rather than read as midnight, a US-order slip shows
as the wrong weekday and month, a weekend gets a note, the picker gets out of the way on Tab and
Escape, and how people attend must be chosen."""

import pytest
from playwright.sync_api import expect

from events.models import EventPage
from tests.browser.conftest import LAPTOPS
from tests.browser.test_editor_types_dates import TITLE, publish, sign_in_and_start_an_event

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_autosave")]

laptops = pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size['width']}px")


def read_back(page, field):
    return page.locator(f"#id_{field}-read-back")


@laptops
def test_a_date_typed_without_a_time_is_refused_not_published_as_midnight(
    moderator_account, page, screen
):
    page.set_viewport_size(screen)
    sign_in_and_start_an_event(page)

    page.locator("#id_start").fill("12/03/2037")
    expect(read_back(page, "start")).to_contain_text("Thursday 12 March 2037: add the time")
    page.locator("#id_end").fill("12/03/2037 16:00")
    publish(page)

    page.get_by_role("tab", name="Details").click()
    expect(page.get_by_text("a date alone is not read as midnight").first).to_be_visible()
    assert not EventPage.objects.filter(title=TITLE).exists()


@laptops
def test_an_all_day_event_may_be_typed_as_dates_alone(moderator_account, page, screen):
    page.set_viewport_size(screen)
    sign_in_and_start_an_event(page)

    page.locator("#id_start").fill("12/03/2037")
    page.locator("#id_end").fill("13/03/2037")
    page.get_by_label("All day").check()
    expect(read_back(page, "start")).to_have_text("Thursday 12 March 2037 (all day)")
    publish(page)

    expect(page.locator(".messages")).to_contain_text(
        "is on Thursday 12 March to Friday 13 March 2037 (all day)"
    )
    assert EventPage.objects.get(title=TITLE).all_day


@laptops
def test_a_us_order_date_reads_back_as_the_wrong_day_and_a_weekend_gets_a_note(
    moderator_account, page, screen
):
    page.set_viewport_size(screen)
    sign_in_and_start_an_event(page)

    page.locator("#id_start").click()
    page.keyboard.type("03/10/2037 14:00")
    expect(read_back(page, "start")).to_contain_text("Saturday 3 October 2037, 14:00 UK time")
    expect(read_back(page, "start")).to_contain_text("That is a Saturday: check the date")

    page.locator("#id_start").fill("")
    page.locator("#id_start").type("10/03/2037 14:00")
    expect(read_back(page, "start")).to_have_text("Tuesday 10 March 2037, 14:00 UK time")
    page.locator("#id_end").fill("10/03/2037 16:00")
    publish(page)

    # The confirmation repeats the dates in words.
    expect(page.locator(".messages")).to_contain_text(
        f"{TITLE} is on Tuesday 10 March 2037, 14:00 to 16:00 UK time."
    )


def tab_to(page, field):
    """Press Tab until `field` has the focus, past the comment buttons between fields."""
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.locator(field).evaluate("field => field === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {field}")


@laptops
@pytest.mark.parametrize("key", ["Tab", "Escape"])
def test_the_date_picker_closes_on_tab_and_escape(moderator_account, page, screen, key):
    page.set_viewport_size(screen)
    sign_in_and_start_an_event(page)
    picker = page.locator(".xdsoft_datetimepicker:visible")

    page.locator("#id_start").click()
    expect(picker).to_have_count(1)
    page.keyboard.type("10/03/2037 14:00")
    page.keyboard.press(key)
    expect(picker).to_have_count(0)

    # Tab on to the end: its picker stays shut while the editor types, not covering what follows.
    page.locator("#id_start").focus()
    tab_to(page, "#id_end")
    page.wait_for_timeout(300)  # the picker would open 100 ms after focus
    expect(picker).to_have_count(0)
    page.keyboard.type("10/03/2037 16:00")
    page.keyboard.press(key)
    expect(picker).to_have_count(0)

    # A click still opens it.
    page.locator("#id_end").click()
    expect(picker).to_have_count(1)


@laptops
def test_a_new_event_has_no_format_until_the_editor_chooses_one(moderator_account, page, screen):
    page.set_viewport_size(screen)
    sign_in_and_start_an_event(page, event_format=None)
    expect(page.locator("#id_format")).to_have_value("")
    page.locator("#id_start").fill("10/03/2037 14:00")
    page.locator("#id_end").fill("10/03/2037 16:00")
    publish(page)

    page.get_by_role("tab", name="Details").click()
    expect(page.get_by_text("Choose how people attend: in person, online")).to_be_visible()
    assert not EventPage.objects.filter(title=TITLE).exists()
