"""A member's journey in a real browser: invited after their join request is accepted, they
confirm, sign in by an emailed link, read a members-only page, see and download their details,
and leave the group."""

import json
import re

import pytest
from wagtail.models import Site

from members import invitations
from members.models import Member
from membership.models import JoinRequest
from outbox.models import OutgoingEmail
from tests.membership.factories import JoinRequestFactory

pytestmark = pytest.mark.browser

LINK = re.compile(r"https?://[^\s\"<]+")


def _path(url):
    return "/" + url.split("/", 3)[3]


def _last_link(address, contains):
    email = OutgoingEmail.objects.filter(recipient=address).latest("created_at", "pk")
    return _path(next(url for url in LINK.findall(email.text_body) if contains in url))


def test_an_applicant_becomes_a_member_reads_members_pages_and_leaves(demo_pages, page):
    join_request = JoinRequestFactory(
        full_name="Ada Example", email="ada@example.org", status=JoinRequest.Status.ACCEPTED
    )
    invitations.invite(join_request, site=Site.objects.get(is_default_site=True))

    # The invitation: a button behind the link.
    page.goto(_last_link("ada@example.org", "/members/invitation/"))
    page.get_by_role("button", name="Become a member").click()
    assert page.get_by_role("heading", name="Welcome, Ada Example").is_visible()
    page.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("heading", name="You have signed out").is_visible()

    # A members-only page, not signed in: its title and a way to sign in, nothing more.
    page.goto("/members-area/example-minutes/")
    assert "This page is an example." not in page.content()
    page.get_by_role("link", name="Sign in").click()

    # Signing in by an emailed link.
    page.get_by_label("Your email address").fill("ada@example.org")
    page.get_by_role("button", name="Email me a sign-in link").click()
    assert page.get_by_role("heading", name="Check your email").is_visible()
    page.goto(_last_link("ada@example.org", "/members/sign-in/link/"))
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", name="Welcome, Ada Example").is_visible()

    # The members-only page, signed in.
    page.goto("/members-area/example-minutes/")
    assert "This page is an example." in page.content()

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
    assert page.get_by_role("heading", name="You have left the group").is_visible()
    assert not Member.objects.filter(email="ada@example.org").exists()
