"""Confirming a sign-up: a button behind a signed link that expires, and nothing else works."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.utils import timezone

from notifications import tokens
from notifications.models import Subscriber
from tests.notifications.factories import SubscriberFactory


def confirm_path(subscriber):
    return f"/notifications/confirm/{tokens.confirm_token(subscriber)}/"


def test_opening_the_link_asks_for_a_button_press_and_changes_nothing_yet(client, home_page):
    subscriber = SubscriberFactory(pending=True, email="sam@example.org")

    response = client.get(confirm_path(subscriber))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text() == "Confirm your email address"
    assert soup.find("form", method="post").find("button").get_text() == "Confirm my email address"
    assert "sam@example.org" in soup.get_text()
    assert Subscriber.objects.get().state == Subscriber.State.PENDING


def test_pressing_the_button_confirms_the_subscriber(client, home_page):
    subscriber = SubscriberFactory(pending=True)

    response = client.post(confirm_path(subscriber))

    assert response.status_code == 302
    assert response["Location"] == "/notifications/confirmed/"
    assert "You are on the list" in client.get(response["Location"]).content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED
    assert list(Subscriber.objects.confirmed()) == [subscriber]


def test_the_link_from_the_confirmation_email_confirms(
    client, site_settings, smtp_server, django_capture_on_commit_callbacks, answers
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/notifications/", answers)
    [mail] = smtp_server.messages
    link = next(
        word for word in mail.part("text/plain").split() if "/notifications/confirm/" in word
    )

    client.post(link.removeprefix("http://testserver"))

    assert Subscriber.objects.get().state == Subscriber.State.CONFIRMED


def test_the_link_works_for_seven_days(client, home_page, clock):
    subscriber = SubscriberFactory(pending=True)
    path = confirm_path(subscriber)

    clock.shift(timedelta(days=6, hours=23))

    assert client.post(path).status_code == 302
    assert Subscriber.objects.get().state == Subscriber.State.CONFIRMED


def test_the_link_expires_after_seven_days(client, home_page, clock):
    subscriber = SubscriberFactory(pending=True)
    path = confirm_path(subscriber)

    clock.shift(timedelta(days=7, minutes=1))
    shown = client.get(path)
    posted = client.post(path)

    assert shown.status_code == posted.status_code == 410
    assert "This link has expired" in posted.content.decode()
    assert BeautifulSoup(posted.content, "html.parser").find("a", string="sign up again")
    assert Subscriber.objects.get().state == Subscriber.State.PENDING


def test_a_tampered_link_is_refused(client, home_page):
    subscriber = SubscriberFactory(pending=True)
    other = SubscriberFactory(pending=True)
    token = tokens.confirm_token(subscriber)
    value, timestamp, signature = token.split(":")
    tampered = [
        f"{other.key.hex}:{timestamp}:{signature}",  # someone else's key, this signature
        f"{value}:{timestamp}:{signature[:-2]}xx",
        f"{value}:{timestamp}",
        "not-a-token",
        tokens.unsubscribe_token(subscriber),  # the other kind of link
    ]

    for token in tampered:
        response = client.post(f"/notifications/confirm/{token}/")
        assert response.status_code == 404, token
        assert "This link does not work" in response.content.decode()

    assert not Subscriber.objects.confirmed().exists()


def test_a_link_to_someone_who_has_since_unsubscribed_cannot_bring_them_back(client, home_page):
    now = timezone.now()
    subscriber = SubscriberFactory(
        pending=True, requested_at=now - timedelta(days=1), unsubscribed_at=now
    )

    response = client.post(confirm_path(subscriber))

    assert response.status_code == 410
    assert Subscriber.objects.get().state == Subscriber.State.UNSUBSCRIBED


def test_a_link_to_a_deleted_sign_up_says_it_has_expired(client, home_page):
    subscriber = SubscriberFactory(pending=True)
    path = confirm_path(subscriber)
    subscriber.delete()

    assert client.get(path).status_code == 410


def test_opening_the_link_again_after_confirming_says_so(client, home_page):
    subscriber = SubscriberFactory(pending=True)
    path = confirm_path(subscriber)
    client.post(path)
    confirmed_at = Subscriber.objects.get().confirmed_at

    response = client.get(path)
    client.post(path)

    assert "You are already on the list" in response.content.decode()
    assert Subscriber.objects.get().confirmed_at == confirmed_at


def test_the_confirm_button_needs_the_page_s_csrf_token(home_page):
    from django.test import Client

    subscriber = SubscriberFactory(pending=True)

    response = Client(enforce_csrf_checks=True).post(confirm_path(subscriber))

    assert response.status_code == 403
    assert Subscriber.objects.get().state == Subscriber.State.PENDING
