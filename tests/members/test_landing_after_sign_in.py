"""After signing in, a member lands on the members-only page they came from: its address
travels through the sign-in form, the emailed link and the sign-in button, and only ever one on
this site."""

import html
import re

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from outbox.models import OutgoingEmail
from tests.home.factories import StandardPageFactory
from tests.members.factories import MemberFactory

LINK = re.compile(r"https?://[^\s\"<]+(/members/sign-in/link/\?[^\s\"<]+)")
SECRET = "Minutes of the steering group: the confidential budget"


@pytest.fixture
def ada(site_details):
    return MemberFactory(full_name="Ada Nurse", email="ada@example.org", joined=True)


@pytest.fixture
def minutes(home_page):
    page = StandardPageFactory(
        parent=home_page, title="Minutes, March 2026", slug="minutes", introduction=SECRET
    )
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Members"))
    return page


def emailed_link():
    email = OutgoingEmail.objects.filter(recipient="ada@example.org").latest("created_at")
    [path] = set(LINK.findall(email.text_body))
    assert html.escape(path) in email.html_body
    return path


def sign_in_from(client, next_value):
    """Ask for a link with this `next`, open it, press the button: the final response."""
    client.post("/members/sign-in/", {"email": "ada@example.org", "next": next_value})
    opened = client.get(emailed_link())
    assert opened.status_code == 200
    form = {"t": opened.context["token"]}
    if opened.context["next"]:
        form["next"] = opened.context["next"]
    return client.post("/members/sign-in/link/", form)


def test_a_member_lands_on_the_members_only_page_they_came_from(client, ada, minutes):
    notice = client.get(minutes.url).content.decode()
    sign_in_page = re.search(r'href="(/members/sign-in/\?next=[^"]+)"', notice).group(1)
    form_page = client.get(html.unescape(sign_in_page)).content.decode()
    assert '<input type="hidden" name="next" value="/minutes/">' in form_page

    signed_in = sign_in_from(client, "/minutes/")

    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/minutes/"
    assert SECRET in client.get(signed_in["Location"]).content.decode()


def test_without_a_page_to_return_to_the_member_lands_on_the_welcome_page(client, ada):
    signed_in = sign_in_from(client, "")

    assert signed_in["Location"] == "/members/welcome/"


@pytest.mark.parametrize(
    "next_value",
    [
        "https://evil.example/steal",
        "//evil.example/steal",
        "/\\evil.example/steal",
        "http:///evil.example/",
        "javascript:alert(1)",
        " https://evil.example/",
    ],
)
def test_an_address_on_another_site_is_never_followed(client, ada, next_value):
    signed_in = sign_in_from(client, next_value)

    assert signed_in.status_code == 302
    assert signed_in["Location"] == "/members/welcome/"
    assert "evil" not in emailed_link()


def test_a_next_added_to_the_emailed_link_is_checked_again(client, ada):
    client.post("/members/sign-in/", {"email": "ada@example.org"})
    path = emailed_link()
    token = path.split("t=", 1)[1]

    opened = client.get(path + "&next=https://evil.example/")
    assert "evil" not in opened.content.decode()
    signed_in = client.post("/members/sign-in/link/", {"t": token, "next": "https://evil.example/"})

    assert signed_in["Location"] == "/members/welcome/"
