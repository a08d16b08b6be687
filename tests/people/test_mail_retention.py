"""Retention: sent and failed emails are deleted after EMAIL_RETENTION_DAYS; waiting ones stay."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from outbox.mail import queue_email
from outbox.models import OutgoingEmail


def email(status, days_ago):
    message = queue_email(
        recipient="person@example.org", subject=status, text_body="Words.", send_now=False
    )
    moment = timezone.now() - timedelta(days=days_ago)
    OutgoingEmail.objects.filter(pk=message.pk).update(
        status=status, sent_at=moment, last_attempt_at=moment
    )
    return message


def test_sent_and_failed_emails_are_deleted_after_ninety_days(db):
    email("sent", 91)
    email("failed", 91)
    kept = [email("sent", 89), email("failed", 89), email("pending", 200)]

    out = StringIO()
    call_command("purge_expired_data", stdout=out)

    assert "Sent and failed emails (bodies, headers, attachments): 2 deleted." in out.getvalue()
    assert sorted(OutgoingEmail.objects.values_list("pk", flat=True)) == [m.pk for m in kept]


def test_the_retention_period_is_configurable(db, settings):
    settings.EMAIL_RETENTION_DAYS = 30
    email("sent", 31)

    call_command("purge_expired_data", stdout=StringIO())

    assert not OutgoingEmail.objects.exists()
