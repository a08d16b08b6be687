"""Retention: sign-ups nobody confirmed are deleted 30 days after the last request."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from notifications.models import Subscriber
from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from tests.notifications.factories import SubscriberFactory


def purge(*args):
    out = StringIO()
    call_command("purge_expired_data", *args, stdout=out)
    return out.getvalue()


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def test_unconfirmed_sign_ups_older_than_30_days_are_deleted_with_their_emails(home_page):
    stale = SubscriberFactory(pending=True, requested_at=days_ago(31), created_at=days_ago(31))
    queue_email(recipient=stale.email, subject="Confirm", text_body="…", about=stale)
    recent = SubscriberFactory(pending=True, requested_at=days_ago(29))
    confirmed = SubscriberFactory(requested_at=days_ago(400), created_at=days_ago(400))
    left = SubscriberFactory(unsubscribed=True, requested_at=days_ago(400))

    output = purge()

    assert "Unconfirmed sign-ups to meeting notifications: 1 deleted." in output
    assert set(Subscriber.objects.all()) == {recent, confirmed, left}
    assert not OutgoingEmail.objects.exists()


def test_a_fresh_request_restarts_the_30_days(home_page):
    SubscriberFactory(pending=True, created_at=days_ago(90), requested_at=days_ago(2))

    purge()

    assert Subscriber.objects.count() == 1


def test_a_dry_run_only_counts(home_page):
    SubscriberFactory(pending=True, requested_at=days_ago(31))

    assert "Unconfirmed sign-ups to meeting notifications: 1 would be deleted." in purge(
        "--dry-run"
    )
    assert Subscriber.objects.count() == 1
