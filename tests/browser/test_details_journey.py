"""Someone who is not a member, registered for an event, sees what the group holds about them
through a link emailed on request, downloads it and erases it, in a real browser at 1280 px."""

import json
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from events.models import EventPage
from outbox.models import OutgoingEmail
from registrations.models import Registration

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://[^\s\"<]+/your-details/link/[^\s\"<]+")


def test_a_registrant_sees_downloads_and_erases_what_is_held(page):
    event = EventPage.objects.live().filter(ends_at__gt=timezone.now()).first()
    Registration.objects.create(
        event=event,
        full_name="Sam Registrant",
        email="sam@example.org",
        role="Nurse",
        organisation="PICU Bristol",
        consent_given_at=timezone.now(),
        privacy_notice_version="Privacy notice (example)",
    )
    page.set_viewport_size({"width": 1280, "height": 900})

    page.goto("/")
    page.get_by_role("link", name="See or delete what we hold about you").click()
    page.get_by_label("Email address").fill("sam@example.org")
    page.get_by_role("button", name="Email me a link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()

    email = OutgoingEmail.objects.filter(recipient="sam@example.org").latest("created_at")
    [url] = LINK.findall(email.text_body)
    page.goto("/" + url.split("/", 3)[3])
    assert "PICU Bristol" not in page.content()  # the button first: scanners do not press it
    page.get_by_role("button", name="See my details").click()
    expect(page.get_by_role("heading", name="Your details", exact=True)).to_be_visible()
    page.get_by_text("Show it here").click()
    expect(page.locator(".held-data")).to_contain_text("PICU Bristol")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download it all (JSON)").click()
    held = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert held["event_registrations"][0]["organisation"] == "PICU Bristol"

    page.get_by_label("Erase everything the group holds about me").check()
    page.get_by_role("button", name="Erase my details").click()
    expect(page.get_by_role("heading", name="Your details have been erased")).to_be_visible()
    assert not Registration.objects.filter(email="sam@example.org").exists()
