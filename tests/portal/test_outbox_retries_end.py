"""Retries end: a message the server keeps refusing fails after EMAIL_RETRY_DAYS; a permanent
refusal fails at once; a failed message can be put back in the queue by hand."""

from datetime import timedelta
from io import StringIO

import time_machine
from django.core.management import call_command
from django.utils import timezone

from outbox.mail import deliver, queue_email, retry
from outbox.models import OutgoingEmail


def queue(recipient="chair@example.org"):
    return queue_email(recipient=recipient, subject="Hello", text_body="Words.", send_now=False)


def retry_every_hour_for(message, days):
    """Run the sender each hour, as the worker's scheduled retries do; return the last status."""
    start = timezone.now()
    for hour in range(int(days * 24) + 2):
        with time_machine.travel(start + timedelta(hours=hour, minutes=1)):
            call_command("send_queued_mail", stdout=StringIO())
        message.refresh_from_db()
        if message.status != OutgoingEmail.Status.PENDING:
            return hour
    return None


def test_a_message_refused_for_three_days_is_marked_failed(db, smtp_server):
    smtp_server.refuse_recipients(temporary=True)
    message = queue()

    failed_after_hours = retry_every_hour_for(message, days=4)

    assert message.status == OutgoingEmail.Status.FAILED
    assert 71 <= failed_after_hours <= 73
    assert "452" in message.last_error
    attempts = message.attempts
    with time_machine.travel(timezone.now() + timedelta(days=10)):
        call_command("send_queued_mail", "--all", stdout=StringIO())
    message.refresh_from_db()
    assert message.attempts == attempts  # nobody tries a failed message again on their own


def test_the_retry_period_is_configurable(db, smtp_server, settings):
    settings.EMAIL_RETRY_DAYS = 0.5
    smtp_server.refuse_recipients(temporary=True)
    message = queue()

    assert 11 <= retry_every_hour_for(message, days=1) <= 13


def test_a_permanent_refusal_fails_at_once(db, smtp_server):
    smtp_server.refuse_recipients()
    message = queue("nobody@example.org")

    deliver()

    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.FAILED
    assert message.attempts == 1
    assert "550" in message.last_error


def test_a_failed_message_retried_by_hand_is_sent(db, smtp_server):
    smtp_server.refuse_recipients()
    message = queue()
    deliver()
    smtp_server.refuse_recipients(False)

    assert retry(OutgoingEmail.objects.filter(pk=message.pk)) == 1
    deliver()

    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.SENT
    assert len(smtp_server.messages) == 1
