"""Reminders the day before: who is due one, and queueing each exactly once."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from events.models import EventPage
from registrations import emails
from registrations.models import Registration

# Sent from this long before the start, by a command run hourly.
REMINDER_LEAD = timedelta(hours=24)


def due(now=None):
    """People with a place at a live, going-ahead event starting within a day, not yet reminded."""
    now = now or timezone.now()
    return Registration.objects.filter(
        status=Registration.Status.REGISTERED,
        reminder_sent_at=None,
        event__live=True,
        event__status=EventPage.Status.SCHEDULED,
        event__start__gt=now,
        event__start__lte=now + REMINDER_LEAD,
    )


def send_reminders(now=None):
    """Queue each due reminder once: the row is marked in the same transaction as the email,
    and rows another run holds are skipped, so overlapping runs never send twice."""
    now = now or timezone.now()
    sent = 0
    with transaction.atomic():
        for registration in (
            due(now).select_related("event").select_for_update(skip_locked=True, of=("self",))
        ):
            emails.queue_reminder(registration)
            registration.reminder_sent_at = now
            registration.save(update_fields=["reminder_sent_at"])
            sent += 1
    return sent
