"""Admin sign-in resists guessing, yet no one elsewhere can lock a person out; reset limits."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from outbox.models import OutgoingEmail
from portal.models import User
from tests.second_factor import authenticator, code_from_key

LOGIN_URL = "/admin/login/"
RESET_URL = "/admin/password_reset/"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editor", "editor@example.org", "right-password")


def sign_in(username, password, ip="203.0.113.5"):
    return Client(REMOTE_ADDR=ip).post(LOGIN_URL, {"username": username, "password": password})


def test_five_wrong_passwords_from_one_client_pause_that_client_even_with_the_right_one(
    editor, time_machine
):
    time_machine.move_to(datetime.datetime(2026, 6, 1, 10, 0, tzinfo=datetime.UTC))
    answers = [sign_in("editor", "wrong").status_code for _ in range(5)]

    # The form again with an error four times; the fifth failure starts the pause.
    assert answers == [200, 200, 200, 200, 429]
    response = sign_in("editor", "right-password")

    assert response.status_code == 429
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    # 10:00 UTC is 11:00 in London in June; the pause lasts 15 minutes.
    assert "Try again after 11:15 (UK time) on 1 June" in text
    assert "even with the right password" in text
    assert response["Retry-After"] == "900"


def test_wrong_passwords_typed_elsewhere_never_lock_the_owner_out(editor):
    for _ in range(5):
        sign_in("editor", "wrong", ip="198.51.100.7")

    assert sign_in("editor", "right-password", ip="203.0.113.5").status_code == 302


def test_sign_in_works_again_once_the_pause_is_over(editor, time_machine):
    time_machine.move_to(timezone.now())
    for _ in range(5):
        sign_in("editor", "wrong")
    time_machine.shift(datetime.timedelta(minutes=16))

    response = sign_in("editor", "right-password")

    assert response.status_code == 302


def test_guessing_one_account_from_many_addresses_stops_at_the_account_ceiling(editor):
    # The owner signed in from their usual address once before.
    assert sign_in("editor", "right-password", ip="203.0.113.5").status_code == 302
    # Four guesses each (one short of the per-client pause) from five addresses.
    answers = [
        sign_in("editor", f"guess{guess}", ip=f"192.0.2.{client}").status_code
        for client in range(1, 6)
        for guess in range(4)
    ]
    assert answers == [200] * 20

    # No further guess is even tried, from a new address, whatever the password...
    response = sign_in("editor", "right-password", ip="192.0.2.99")
    assert response.status_code == 429
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "from other places" in text
    # ...while the owner still gets in from where they signed in before.
    assert sign_in("editor", "right-password", ip="203.0.113.5").status_code == 302


def test_guessing_many_accounts_from_one_client_stops_at_the_client_ceiling(editor):
    for number in range(20):
        sign_in(f"guess{number}", "wrong", ip="2001:db8:5:6::1")

    # Another address in the same IPv6 /64 is the same client.
    assert sign_in("editor", "right-password", ip="2001:db8:5:6::99").status_code == 429
    assert sign_in("editor", "right-password", ip="192.0.2.44").status_code == 302


def test_a_forged_forwarded_header_does_not_escape_the_lock_out(editor, settings):
    settings.TRUSTED_PROXY_NETWORKS = []
    for number in range(5):
        Client(REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"10.9.9.{number}").post(
            LOGIN_URL, {"username": "editor", "password": "wrong"}
        )

    assert sign_in("editor", "right-password", ip="203.0.113.9").status_code == 429


def test_admin_sessions_end_after_twelve_hours(editor, time_machine):
    time_machine.move_to(timezone.now())
    device = authenticator(editor)
    client = Client()
    assert client.post(LOGIN_URL, {"username": "editor", "password": "right-password"})
    client.post("/admin/second-factor/", {"code": code_from_key(device.bin_key)})
    assert client.get("/admin/").status_code == 200

    time_machine.shift(datetime.timedelta(hours=12, minutes=1))

    assert client.get("/admin/").status_code == 302


def test_password_reset_emails_one_address_at_most_three_times_an_hour(editor):
    for number in range(5):
        client = Client(REMOTE_ADDR=f"192.0.2.{number}")
        response = client.post(RESET_URL, {"email": "editor@example.org"})
        assert response.status_code == 302

    assert OutgoingEmail.objects.filter(recipient="editor@example.org").count() == 3


def test_password_reset_requests_are_limited_per_client(editor):
    client = Client(REMOTE_ADDR="192.0.2.77")
    answers = [
        client.post(RESET_URL, {"email": f"someone{n}@example.org"}).status_code for n in range(6)
    ]

    assert answers == [302, 302, 302, 302, 302, 429]
