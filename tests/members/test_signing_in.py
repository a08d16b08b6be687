"""Members sign in with a one-time link emailed to them, on the public site, never the admin's."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from members.signin import SIGN_IN_ADDRESS_LIMIT, SIGN_IN_CLIENT_LIMIT, SIGN_IN_LINK_LIFETIME
from outbox.models import OutgoingEmail
from tests.members.factories import MemberFactory

SIGN_IN = "/members/sign-in/"
LINK = re.compile(r"https?://[^\s\"<]+(/members/sign-in/link/\?t=[^\s\"<]+)")


@pytest.fixture
def ada(site_details):
    return MemberFactory(full_name="Ada Nurse", email="ada@example.org", joined=True)


def link_path(address="ada@example.org"):
    email = OutgoingEmail.objects.filter(recipient=address).latest("created_at")
    [path] = set(LINK.findall(email.text_body))
    return path


def test_a_member_signs_in_through_the_emailed_link(client, ada):
    response = client.post(SIGN_IN, {"email": "ADA@example.org"}, follow=True)
    assert "Check your email" in response.content.decode()
    email = OutgoingEmail.objects.get(recipient="ada@example.org")
    assert email.subject == "Your link to sign in to Implementation Group"

    opened = client.get(link_path())
    assert opened.status_code == 200
    assert opened.wsgi_request.user.is_anonymous  # opening the link is not signing in

    signed_in = client.post(link_path(), {"t": opened.context["token"]}, follow=True)

    assert signed_in.context["user"] == ada.user
    assert "Welcome, Ada Nurse" in signed_in.content.decode()
    ada.user.refresh_from_db()
    assert ada.user.last_login is not None


def test_a_link_works_once(client, ada):
    client.post(SIGN_IN, {"email": "ada@example.org"})
    path = link_path()
    token = path.split("t=", 1)[1]
    client.post(path, {"t": token})
    client.post("/members/sign-out/")

    again = client.post(path, {"t": token})

    assert again.status_code == 410
    assert "This sign-in link does not work" in again.content.decode()
    assert again.wsgi_request.user.is_anonymous


def test_a_link_expires(client, ada, time_machine):
    time_machine.move_to(timezone.now())
    client.post(SIGN_IN, {"email": "ada@example.org"})
    path = link_path()

    time_machine.shift(SIGN_IN_LINK_LIFETIME + timedelta(minutes=1))

    assert client.get(path).status_code == 410


@pytest.mark.parametrize("token", ["", "nonsense", "AAAA" * 20])
def test_an_altered_link_does_not_sign_in(client, db, token):
    response = client.post("/members/sign-in/link/", {"t": token})

    assert response.status_code == 410
    assert response.wsgi_request.user.is_anonymous


def test_an_address_that_is_not_a_member_gets_the_same_page_and_no_email(client, site_details):
    MemberFactory(email="invited@example.org")  # invited, not yet joined

    for address in ("stranger@example.org", "invited@example.org"):
        response = client.post(SIGN_IN, {"email": address})
        assert response.status_code == 302
        assert response["Location"] == "/members/sign-in/check-your-email/"

    assert not OutgoingEmail.objects.exists()


def test_admin_accounts_are_never_sent_a_link(client, site_details, django_user_model):
    member = MemberFactory(email="boss@example.org", joined=True)
    member.user.is_staff = True
    member.user.save()

    client.post(SIGN_IN, {"email": "boss@example.org"})

    assert not OutgoingEmail.objects.exists()


def test_a_signed_in_member_cannot_use_the_admin(client, ada):
    client.post(SIGN_IN, {"email": "ada@example.org"})
    path = link_path()
    client.post(path, {"t": path.split("t=", 1)[1]})

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_admin_sign_in_does_not_accept_a_member(client, ada):
    response = client.post(
        "/admin/login/", {"username": ada.user.username, "password": ""}, follow=True
    )

    assert response.context["user"].is_anonymous


def test_bad_input_never_fails(client, db):
    for data in ({"email": "not an address"}, {"email": "x" * 400 + "@example.org"}, {}):
        response = client.post(SIGN_IN, data)
        assert response.status_code == 200
        assert "There is a problem" in response.content.decode()


def test_requests_for_links_are_limited_per_client(client, ada):
    for _ in range(SIGN_IN_CLIENT_LIMIT.limit):
        client.post(SIGN_IN, {"email": "someone@example.org"}, REMOTE_ADDR="203.0.113.9")

    response = client.post(SIGN_IN, {"email": "ada@example.org"}, REMOTE_ADDR="203.0.113.9")

    assert response.status_code == 429
    assert not OutgoingEmail.objects.exists()


def test_emails_to_one_address_are_limited(client, ada):
    for n in range(SIGN_IN_ADDRESS_LIMIT.limit + 2):
        client.post(SIGN_IN, {"email": "ada@example.org"}, REMOTE_ADDR=f"203.0.113.{n}")

    assert OutgoingEmail.objects.filter(recipient="ada@example.org").count() == (
        SIGN_IN_ADDRESS_LIMIT.limit
    )


def test_someone_removed_from_the_members_group_cannot_sign_in(client, ada):
    ada.user.groups.remove(Group.objects.get(name="Members"))

    client.post(SIGN_IN, {"email": "ada@example.org"})

    assert not OutgoingEmail.objects.exists()
