"""Unsubscribing: a button on the linked page, or one click in a mail client; at once, for good."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.test import Client

from notifications import tokens
from notifications.models import Announcement, Subscriber
from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from tests.notifications.factories import SubscriberFactory


def unsubscribe_path(subscriber):
    return f"/notifications/unsubscribe/{tokens.unsubscribe_token(subscriber)}/"


def test_opening_the_link_shows_a_button_and_changes_nothing(client, home_page):
    subscriber = SubscriberFactory(email="sam@example.org")

    response = client.get(unsubscribe_path(subscriber))

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("form", method="post").find("button").get_text() == "Unsubscribe"
    assert "sam@example.org" in soup.get_text()
    assert Subscriber.objects.get().state == Subscriber.State.CONFIRMED


def test_pressing_the_button_unsubscribes_at_once_and_says_so(client, home_page):
    subscriber = SubscriberFactory()

    response = client.post(unsubscribe_path(subscriber))

    assert response.status_code == 200
    assert "You have unsubscribed" in response.content.decode()
    assert Subscriber.objects.get().state == Subscriber.State.UNSUBSCRIBED
    assert not Subscriber.objects.confirmed().exists()


def test_a_mail_client_s_one_click_post_unsubscribes_without_cookies_or_csrf(home_page):
    subscriber = SubscriberFactory()
    mail_client = Client(enforce_csrf_checks=True)

    response = mail_client.post(
        unsubscribe_path(subscriber),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200  # RFC 8058: no redirect
    assert Subscriber.objects.get().state == Subscriber.State.UNSUBSCRIBED


def test_unsubscribe_links_never_expire(client, home_page, clock):
    subscriber = SubscriberFactory()
    path = unsubscribe_path(subscriber)

    clock.shift(timedelta(days=5 * 365))
    client.post(path)

    assert Subscriber.objects.get().state == Subscriber.State.UNSUBSCRIBED


def test_unsubscribing_twice_keeps_the_first_date(client, home_page, clock):
    subscriber = SubscriberFactory()
    client.post(unsubscribe_path(subscriber))
    first = Subscriber.objects.get().unsubscribed_at
    clock.shift(60)

    response = client.post(unsubscribe_path(subscriber))

    assert response.status_code == 200
    assert Subscriber.objects.get().unsubscribed_at == first
    page = client.get(unsubscribe_path(subscriber)).content.decode()
    assert "You are not on the list" in page


def test_a_tampered_link_is_refused(client, home_page):
    subscriber = SubscriberFactory()
    other = SubscriberFactory()
    value, signature = tokens.unsubscribe_token(subscriber).split(":")
    tampered = [
        f"{other.key.hex}:{signature}",
        f"{value}:{signature[:-3]}abc",
        value,
        tokens.confirm_token(subscriber),  # the other kind of link
    ]

    for token in tampered:
        response = Client().post(f"/notifications/unsubscribe/{token}/")
        assert response.status_code == 404, token
        assert client.get(f"/notifications/unsubscribe/{token}/").status_code == 404

    assert Subscriber.objects.confirmed().count() == 2


def test_a_link_for_a_deleted_subscriber_does_no_harm(client, home_page):
    subscriber = SubscriberFactory()
    path = unsubscribe_path(subscriber)
    subscriber.delete()

    assert client.post(path).status_code == 200
    assert "You are not on the list" in client.get(path).content.decode()


def test_announcements_still_queued_for_them_are_dropped(client, home_page, meeting):
    subscriber = SubscriberFactory(email="sam@example.org")
    stays = SubscriberFactory(email="kim@example.org")
    announcement = Announcement.objects.create(event=meeting, status=meeting.status)
    for person in (subscriber, stays):
        queue_email(
            recipient=person.email,
            subject="News",
            text_body="…",
            about=announcement,
            send_now=False,
        )

    client.post(unsubscribe_path(subscriber))

    assert list(OutgoingEmail.objects.values_list("recipient", flat=True)) == ["kim@example.org"]


def test_other_methods_are_not_allowed(client, home_page):
    subscriber = SubscriberFactory()

    response = client.put(unsubscribe_path(subscriber))

    assert response.status_code == 405
    assert Subscriber.objects.get().state == Subscriber.State.CONFIRMED
