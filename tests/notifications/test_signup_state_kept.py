"""A stranger's sign-up cannot wipe an address's state: an unsubscribed address stays
unsubscribed until its owner confirms, and only the newest confirmation link works."""

from datetime import timedelta

from django.utils import timezone

from notifications.models import Subscriber
from tests.notifications.factories import SubscriberFactory

ADDRESS = "sam.example@example.org"


def sign_up(client, answers, callbacks):
    with callbacks(execute=True):
        client.post("/notifications/", answers)


def newest_confirm_path(smtp_server):
    text = smtp_server.messages[-1].part("text/plain")
    link = next(word for word in text.split() if "/notifications/confirm/" in word)
    return link.removeprefix("http://testserver")


def test_signing_up_an_unsubscribed_address_keeps_its_record_until_confirmed(
    client, site_settings, answers, smtp_server, django_capture_on_commit_callbacks
):
    left = timezone.now() - timedelta(days=3)
    SubscriberFactory(email=ADDRESS, unsubscribed_at=left)

    sign_up(client, answers, django_capture_on_commit_callbacks)

    subscriber = Subscriber.objects.get()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED
    assert subscriber.unsubscribed_at == left
    assert not Subscriber.objects.confirmed().exists()

    client.post(newest_confirm_path(smtp_server))

    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED
    assert subscriber.unsubscribed_at is None


def test_an_older_confirmation_link_stops_working_once_a_newer_one_is_sent(
    client, site_settings, answers, smtp_server, django_capture_on_commit_callbacks, clock
):
    sign_up(client, answers, django_capture_on_commit_callbacks)
    first = newest_confirm_path(smtp_server)
    clock.shift(11 * 60)  # past the interval between two emails to one address
    sign_up(client, answers, django_capture_on_commit_callbacks)
    second = newest_confirm_path(smtp_server)

    assert first != second
    client.post(first)
    assert Subscriber.objects.get().state == Subscriber.State.PENDING
    assert "expired" in client.get(first).content.decode().lower()

    client.post(second)
    assert Subscriber.objects.get().state == Subscriber.State.CONFIRMED


def test_an_old_link_from_before_unsubscribing_does_not_bring_the_address_back(
    client, site_settings, answers, smtp_server, django_capture_on_commit_callbacks
):
    sign_up(client, answers, django_capture_on_commit_callbacks)
    link = newest_confirm_path(smtp_server)
    client.post(link)
    Subscriber.objects.update(unsubscribed_at=timezone.now())

    client.post(link)

    assert Subscriber.objects.get().state == Subscriber.State.UNSUBSCRIBED
