"""An editor giving more CPD hours than the event lasts is asked to check them, and a tick on
the same form publishes them."""

from datetime import datetime, timedelta

import pytest

from events.models import EventPage
from portal.dates import UK_TIME
from tests.browser.conftest import MODERATOR_PASSWORD as PASSWORD
from tests.browser.conftest import MODERATOR_USERNAME as USERNAME

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_autosave")]

TITLE = "Example fifteen-minute briefing"


def uk_time(moment):
    return moment.astimezone(UK_TIME).strftime("%d/%m/%Y %H:%M")


def test_cpd_hours_longer_than_the_event_need_the_tick(moderator_account, page):
    page.goto("/admin/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Add an event").first.click()
    page.wait_for_url("**/admin/pages/add/events/eventpage/**")

    start = datetime.now(tz=UK_TIME).replace(hour=10, minute=0) + timedelta(days=40)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("Example: a short briefing.")
    page.get_by_role("tab", name="Details").click()
    page.locator("#id_event_type").select_option(label="Educational event")
    for field, moment in [("#id_start", start), ("#id_end", start + timedelta(minutes=15))]:
        page.locator(field).fill(uk_time(moment))
        page.keyboard.press("Escape")
    page.locator("#id_format").select_option(label="In person")
    page.locator("#id_venue_name").fill("Example venue (not a real venue)")
    page.locator("#id_venue_address").fill("Example street\nExample town")
    page.get_by_label("CPD hours", exact=True).fill("1.5")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_load_state()
    page.get_by_role("tab", name="Details").click()
    page.get_by_text("1.5 CPD hours is longer than the event (15 minutes)").wait_for()
    assert not EventPage.objects.filter(title=TITLE).exists()

    page.get_by_label("These CPD hours are right, though longer than the event").check()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()

    page.wait_for_url("**/admin/pages/*/")
    assert f"'{TITLE}' created and published" in page.locator(".messages").inner_text()
    assert EventPage.objects.get(title=TITLE).cpd_hours == 1.5
