"""A member's whole journey in a real browser: the join form, the Membership team accepting and
inviting in the admin, confirming, signing in by an emailed link, reading a members-only page
and a past event's slides, seeing and downloading their details, and leaving the group."""

import json
import re

import pytest
from playwright.sync_api import expect

from events.models import EventMaterial, EventPage
from members.models import Member
from membership.models import JoinPage
from outbox.models import OutgoingEmail
from portal.antispam import MIN_SECONDS_TO_FILL
from tests.browser.conftest import sign_in_as
from tests.library.factories import DocumentFactory

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://[^\s\"<]+")


def _path(url):
    return "/" + url.split("/", 3)[3]


def _last_link(address, contains):
    email = OutgoingEmail.objects.filter(recipient=address).latest("created_at", "pk")
    return _path(next(url for url in LINK.findall(email.text_body) if contains in url))


def _ask_to_join(page):
    page.goto(JoinPage.objects.live().get().url)
    page.get_by_label("Full name").fill("Ada Example")
    page.get_by_label("Email address").fill("ada@example.org")
    for question, answer in [
        ("What is your professional role?", "Nurse"),
        ("Where do you work?", "Scotland"),
        ("Are you clinically active?", "Yes"),
        ("What research experience do you have?", "None yet"),
    ]:
        page.get_by_role("group", name=question).get_by_label(answer, exact=True).check()
    page.get_by_label("Organisation or unit").fill("Example Children's Hospital PICU")
    page.get_by_label("I agree to my answers being stored").check()
    page.wait_for_timeout(MIN_SECONDS_TO_FILL * 1000)  # as long as a person takes, at least
    page.get_by_role("button", name="Send request").click()
    page.get_by_role("heading", name="Request sent").wait_for()


def _accept_and_invite(team):
    sign_in_as(team, "membership")
    team.goto("/admin/membership/joinrequest/")
    team.get_by_role("link", name="Change status").first.click()
    team.get_by_role("combobox", name="Status").select_option(label="Accepted")
    team.get_by_role("button", name="Save").click()
    team.goto("/admin/membership/joinrequest/")
    team.get_by_role("link", name="Inspect").first.click()
    team.get_by_role("button", name="Invite to become a member").click()
    team.locator(".messages").wait_for()


def _slides_for_members_of_a_past_event():
    """A past demo event whose slides are for people who registered and members."""
    event = EventPage.objects.live().past().first()
    event.materials_audience = EventPage.MaterialsAudience.MEMBERS
    event.materials = [EventMaterial(title="Slides (example)", document=DocumentFactory())]
    event.save_revision().publish()
    return event


def test_an_applicant_becomes_a_member_reads_members_pages_and_leaves(account_in, page, visitor):
    account_in("Membership")
    event = _slides_for_members_of_a_past_event()
    _ask_to_join(visitor)
    _accept_and_invite(page)
    page = visitor

    # The invitation: a button behind the link.
    page.goto(_last_link("ada@example.org", "/members/invitation/"))
    page.get_by_role("button", name="Become a member").click()
    expect(page.get_by_role("heading", name="Welcome, Ada Example")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("heading", name="You have signed out")).to_be_visible()

    # A members-only page, not signed in: its title and a way to sign in, nothing more.
    page.goto("/members-area/example-minutes/")
    assert "This page is an example." not in page.content()
    page.get_by_role("link", name="Sign in", exact=True).click()

    # Signing in by an emailed link lands them back on the minutes.
    page.get_by_label("Your email address").fill("ada@example.org")
    page.get_by_role("button", name="Email me a sign-in link").click()
    expect(page.get_by_role("heading", name="Check your email")).to_be_visible()
    page.goto(_last_link("ada@example.org", "/members/sign-in/link/"))
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("main")).to_contain_text("This page is an example.")

    # The members' area, found from the welcome page, lists the minutes as members-only.
    page.goto("/members/welcome/")
    page.get_by_role("link", name="Members' area").click()
    listed = page.get_by_role("region", name="In this section").get_by_role("listitem")
    expect(listed).to_contain_text(["Example minutes: steering group meeting Members only"])
    listed.get_by_role("link", name="Example minutes: steering group meeting").click()
    expect(page.locator("main")).to_contain_text("This page is an example.")

    # A past event's slides, for members: on the event's page once signed in, and they open.
    page.goto(event.url)
    slides = page.get_by_role("region", name="Materials").get_by_role("link", name="Slides")
    expect(slides).to_be_visible()
    assert page.request.get(slides.get_attribute("href")).body().startswith(b"%PDF")

    # My details: what is held, and the download.
    page.goto("/members/welcome/")
    page.get_by_role("link", name="My details").click()
    assert page.get_by_label("Full name").input_value() == "Ada Example"
    with page.expect_download() as download:
        page.get_by_role("link", name="Download it all (JSON)").click()
    held = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert held["members"][0]["full_name"] == "Ada Example"
    assert held["join_requests"][0]["email"] == "ada@example.org"

    # Leaving, keeping certificates verifiable.
    page.get_by_label("Keep my certificate records").check()
    page.get_by_role("button", name="Leave the group").click()
    expect(page.get_by_role("heading", name="You have left the group")).to_be_visible()
    assert not Member.objects.filter(email="ada@example.org").exists()
