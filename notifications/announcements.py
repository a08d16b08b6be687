"""Announcing an event: who would receive it, whether it may be sent, and sending it durably.

Every recipient's copy is stored in the outbox in the same transaction as the announcement, so
an announcement is either recorded with all its emails or not at all. Once that transaction
commits, one task hands every copy to the background worker, so the editor never waits for the
mail server, and the outbox never sends one message twice.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import dateformat, timezone

from events.calendar import calendar_attachment
from notifications import emails
from notifications.models import Announcement, Subscriber


class CannotAnnounce(Exception):
    """The reason, for the editor, that this event cannot be announced now."""


def latest_announcement(event):
    return event.announcements.order_by("-number").first()


def problem(event, now=None):
    """Why `event` cannot be announced now, or "" if it can."""
    if not event.live:
        return "Only published events can be announced. Publish this event first."
    if event.get_view_restrictions().exists():
        return "This event is private, so it cannot be announced to the public list."
    if event.has_ended(now):
        return "This event has already finished."
    latest = latest_announcement(event)
    if latest is not None and latest.status == event.status:
        return (
            f"This event was already announced as “{latest.get_status_display()}” on "
            f"{_when(latest)} to {latest.recipient_count} subscriber"
            f"{'' if latest.recipient_count == 1 else 's'}. It can be announced again if its "
            "status changes (postponed, cancelled or going ahead again)."
        )
    if not Subscriber.objects.receiving(event).exists():
        return "No confirmed subscribers have asked to hear about this kind of event yet."
    return ""


def _when(announcement):
    return dateformat.format(timezone.localtime(announcement.created_at), "j F Y \\a\\t H:i")


def preview(event):
    """The email as recipients will see it, with a sample in place of their unsubscribe link."""
    sample = reverse("notifications:unsubscribe", args=["each-recipients-own-link"])
    return emails.render_announcement(
        emails.event_context(event), settings.WAGTAILADMIN_BASE_URL.rstrip("/") + sample
    )


def announce(event, user):
    """Record the announcement and queue one email per recipient; the worker sends them.

    Raises CannotAnnounce if the event may not be announced now, including when someone else
    announced it a moment ago.
    """
    reason = problem(event)
    if reason:
        raise CannotAnnounce(reason)
    event_details = emails.event_context(event)
    attachment = calendar_attachment(event)
    latest = latest_announcement(event)
    with transaction.atomic():
        recipients = list(Subscriber.objects.receiving(event).order_by("pk"))
        try:
            with transaction.atomic():
                announcement = Announcement.objects.create(
                    event=event,
                    number=latest.number + 1 if latest else 1,
                    status=event.status,
                    created_by=user,
                    recipient_count=len(recipients),
                )
        except IntegrityError:
            raise CannotAnnounce("Someone else announced this event a moment ago.") from None
        emails.queue_announcements(announcement, recipients, event_details, attachment)
    return announcement
