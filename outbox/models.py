"""The outbox's record: one message to one recipient, and where the emails about something are."""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


class DeliveryState(models.TextChoices):
    """Where the emails about someone or something are, worst first: the admin lists show it."""

    FAILED = "failed", "Failed: not delivered"
    WAITING = "waiting", "Waiting to be sent"
    SENT = "sent", "Sent"
    NONE = "none", "No email queued"

    @classmethod
    def of(cls, *, failed, waiting, sent):
        if failed:
            return cls.FAILED
        if waiting:
            return cls.WAITING
        return cls.SENT if sent else cls.NONE


class OutgoingEmailQuerySet(models.QuerySet):
    def finished_before(self, cutoff):
        """Sent before `cutoff`, or failed with the last attempt before it: never one waiting."""
        return self.filter(
            models.Q(status=OutgoingEmail.Status.SENT, sent_at__lt=cutoff)
            | models.Q(status=OutgoingEmail.Status.FAILED, last_attempt_at__lt=cutoff)
        )


class OutgoingEmail(models.Model):
    """One message to one recipient, kept until a mail server has accepted it.

    Every email the portal sends goes through this outbox, so a mail server that is down
    delays mail but never loses it: the background worker retries what is pending until
    `give_up_at`, then marks it failed for someone to look at.
    """

    # Personal data: never listed in Wagtail's usage views of the pages it points to.
    wagtail_reference_index_ignore = True
    # No public page shows an email: queueing and sending leave the page cache alone.
    shown_on_public_pages = False

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed"

    recipient = models.EmailField(max_length=254)
    subject = models.CharField(max_length=255)
    text_body = models.TextField()
    html_body = models.TextField(blank=True)
    reply_to = models.EmailField(max_length=254, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    # Each attachment: {"filename": ..., "content": <text>, "mimetype": ...}.
    attachments = models.JSONField(default=list, blank=True)

    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    # After this a message the server still refuses is marked failed (EMAIL_RETRY_DAYS).
    give_up_at = models.DateTimeField(null=True, blank=True)
    # A sender claims a message until this time, so two senders never send it twice; a claim
    # left by a sender that died runs out, and the message is sent again (`outbox/mail.py`).
    claimed_until = models.DateTimeField(null=True, blank=True)
    # The same on every attempt, so a mail client folds the rare copy a retry delivers twice.
    message_id = models.CharField(max_length=255, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    # What the message is about (a join request, an announcement), for delivery state in the admin.
    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    about_id = models.CharField(max_length=64, blank=True)
    about = GenericForeignKey("about_type", "about_id")

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["about_type", "about_id"]),
        ]

    def __str__(self):
        return f"{self.subject} → {self.recipient} ({self.get_status_display()})"
