"""Accounts that can see people's details sign in to the admin with a code from an
authenticator app; the others with their password alone; every password is long and uncommon."""

import base64
import re
from io import StringIO
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from outbox.models import OutgoingEmail
from portal.models import User
from tests.second_factor import authenticator, code_from_key

LOGIN_URL = "/admin/login/"
CODE_URL = "/admin/second-factor/"
SET_UP_URL = "/admin/second-factor/set-up/"
PASSWORD = "a long enough password"


def page_text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def account(kind):
    if kind == "superuser":
        return User.objects.create_superuser("chair", "chair@example.org", PASSWORD)
    user = User.objects.create_user(kind.lower().replace(" ", "-"), password=PASSWORD)
    user.groups.add(Group.objects.get(name=kind))
    return user


def signed_in_with_password(user):
    client = Client()
    response = client.post(LOGIN_URL, {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def path_of(response):
    return urlsplit(response["Location"]).path


@pytest.mark.parametrize("kind", ["superuser", "Membership", "Event organisers"])
def test_an_account_that_sees_personal_data_sets_up_an_authenticator_before_the_admin(db, kind):
    client = signed_in_with_password(account(kind))

    # Nothing of the admin, the dashboard included, before an authenticator is set up.
    for path in ["/admin/", "/admin/membership/joinrequest/", "/admin/pages/"]:
        response = client.get(path)
        assert response.status_code == 302, path
        assert path_of(response) == SET_UP_URL

    set_up = client.get(SET_UP_URL + "?next=/admin/pages/")
    assert "Set up your authenticator app" in page_text(set_up)
    soup = BeautifulSoup(set_up.content, "html.parser")
    assert soup.select_one("img[src^='data:image/svg+xml']") is not None
    # The key as the person would type it into their app, if they cannot scan.
    key = soup.select_one("#second-factor-key").get_text().replace(" ", "")
    code = code_from_key(base64.b32decode(key))

    response = client.post(SET_UP_URL, {"code": code, "next": "/admin/pages/"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(user__username=account_name(kind)).confirmed


def account_name(kind):
    return "chair" if kind == "superuser" else kind.lower().replace(" ", "-")


def test_the_set_up_page_shows_the_same_key_until_a_code_confirms_it(db):
    client = signed_in_with_password(account("Membership"))

    first = BeautifulSoup(client.get(SET_UP_URL).content, "html.parser")
    again = BeautifulSoup(client.get(SET_UP_URL).content, "html.parser")

    assert first.select_one("#second-factor-key").get_text() == (
        again.select_one("#second-factor-key").get_text()
    )


def test_a_wrong_code_while_setting_up_confirms_nothing(db):
    client = signed_in_with_password(account("Membership"))
    client.get(SET_UP_URL)

    response = client.post(SET_UP_URL, {"code": "000000x"})

    assert response.status_code == 400
    assert "That code is not right" in page_text(response)
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert path_of(client.get("/admin/")) == SET_UP_URL


def test_signing_in_again_asks_for_a_code_from_the_app_set_up_before(db):
    user = account("Event organisers")
    device = authenticator(user)
    client = signed_in_with_password(user)

    response = client.get("/admin/registrations/")
    assert path_of(response) == CODE_URL
    assert "next=/admin/registrations/" in response["Location"]
    wrong = client.post(CODE_URL, {"code": "123456", "next": "/admin/"})
    assert wrong.status_code == 400
    assert "That code is not right" in page_text(wrong)

    # django-otp slows guessing after a wrong code: the first retry may come a second later.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    right = client.post(CODE_URL, {"code": code_from_key(device.bin_key), "next": "/admin/"})

    assert right.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_code_is_refused_a_second_time(db):
    user = account("superuser")
    device = authenticator(user)
    code = code_from_key(device.bin_key)
    first = signed_in_with_password(user)
    assert first.post(CODE_URL, {"code": code}).status_code == 302

    second = signed_in_with_password(user)

    assert second.post(CODE_URL, {"code": code}).status_code == 400


def test_guessing_codes_is_slowed_down(db):
    user = account("superuser")
    device = authenticator(user)
    client = signed_in_with_password(user)
    # Each wrong code doubles the wait: 1, 2, then 4 seconds.
    for guess in ("111111", "222222", "333333"):
        client.post(CODE_URL, {"code": guess})

    # Even the right code waits until the pause after the wrong ones is over.
    response = client.post(CODE_URL, {"code": code_from_key(device.bin_key)})

    assert response.status_code == 400
    assert "Too many wrong codes" in page_text(response)


def test_only_an_address_on_this_site_is_followed_after_the_code(db):
    user = account("superuser")
    device = authenticator(user)
    client = signed_in_with_password(user)

    response = client.post(
        CODE_URL, {"code": code_from_key(device.bin_key), "next": "https://evil.example/"}
    )

    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("kind", ["Editors", "Moderators"])
def test_editors_and_moderators_sign_in_with_their_password_alone(db, kind):
    client = signed_in_with_password(account(kind))

    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/pages/").status_code == 200


def test_joining_a_group_that_sees_personal_data_asks_for_an_authenticator_at_once(db):
    user = account("Editors")
    client = signed_in_with_password(user)
    assert client.get("/admin/").status_code == 200

    user.groups.add(Group.objects.get(name="Membership"))

    assert path_of(client.get("/admin/")) == SET_UP_URL


def test_signing_out_works_before_the_code(db):
    client = signed_in_with_password(account("superuser"))

    response = client.post("/admin/logout/")

    assert response.status_code == 302
    assert path_of(client.get("/admin/")) == LOGIN_URL


def reset_link_form(client, user):
    client.post("/admin/password_reset/", {"email": user.email})
    [message] = OutgoingEmail.objects.filter(recipient=user.email)
    [link] = re.findall(r"https?://\S+", message.text_body)
    page = client.get(urlsplit(link).path, follow=True)
    return page.redirect_chain[-1][0]


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("eleven-char", "at least 12 characters"),
        ("qwerty123456", "too common"),
    ],
)
def test_a_new_password_must_be_long_and_uncommon(db, password, why):
    user = account("superuser")
    client = Client()
    set_password_url = reset_link_form(client, user)

    response = client.post(set_password_url, {"new_password1": password, "new_password2": password})

    assert response.status_code == 200
    assert why in page_text(response)
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_superuser_cannot_give_a_new_account_a_short_password(db):
    client = Client()
    client.force_login(account("superuser"))

    response = client.post(
        "/admin/users/new/",
        {
            "username": "newcomer",
            "email": "newcomer@example.org",
            "first_name": "New",
            "last_name": "Comer",
            "password1": "short-pass1",
            "password2": "short-pass1",
        },
    )

    assert "at least 12 characters" in page_text(response)
    assert not User.objects.filter(username="newcomer").exists()


def test_after_a_lost_phone_the_next_sign_in_sets_up_a_new_authenticator(db):
    user = account("Membership")
    authenticator(user)

    call_command("reset_authenticator", user.username, stdout=StringIO())

    assert path_of(signed_in_with_password(user).get("/admin/")) == SET_UP_URL
