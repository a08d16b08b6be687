"""Meeting notifications: the people who asked to hear about events, and what was sent to them."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import dateformat, timezone
from wagtail.models import ModelLogEntry

from events.models import EventPage
from outbox.mail import emails_about
from outbox.models import DeliveryState, OutgoingEmail


class SubscriberQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(confirmed_at__isnull=True, unsubscribed_at__isnull=True)

    def confirmed(self):
        """Those who confirmed their address and have not left: the only ones announced to."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True)

    def unsubscribed(self):
        return self.filter(unsubscribed_at__isnull=False)

    def awaiting_confirmation(self):
        """Pending sign-ups, and unsubscribed addresses signed up again since they left."""
        return self.filter(
            models.Q(confirmed_at__isnull=True, unsubscribed_at__isnull=True)
            | models.Q(unsubscribed_at__lt=models.F("requested_at"))
        )

    def receiving(self, event):
        """Confirmed subscribers who asked for this kind of event.

        Group meetings go to those who chose group meetings; every other event type counts as an
        educational event; those who chose everything get both.
        """
        kind = (
            Subscriber.Interests.GROUP_MEETINGS
            if event.is_group_meeting
            else Subscriber.Interests.EDUCATIONAL
        )
        return self.confirmed().filter(interests__in=[Subscriber.Interests.ALL, kind])

    def with_delivery_state(self):
        """Annotate how many emails to each subscriber are sent, waiting and failed."""

        def count(status):
            emails = (
                OutgoingEmail.objects.filter(recipient=OuterRef("email"), status=status)
                .order_by()
                .values("recipient")
            )
            return Coalesce(Subquery(emails.annotate(n=Count("pk")).values("n")), 0)

        return self.annotate(
            emails_waiting=count(OutgoingEmail.Status.PENDING),
            emails_sent=count(OutgoingEmail.Status.SENT),
            emails_failed=count(OutgoingEmail.Status.FAILED),
        )

    def erase(self):
        """Delete these subscribers with every email and log entry that names them."""
        subscribers = list(self.values_list("pk", "email"))
        pks = [pk for pk, _ in subscribers]
        content_type = ContentType.objects.get_for_model(self.model)
        with transaction.atomic():
            # The admin's "delete" logs the address as the entry's label just before this.
            ModelLogEntry.objects.filter(
                content_type=content_type, object_id__in=[str(pk) for pk in pks]
            ).delete()
            OutgoingEmail.objects.filter(
                about_type=ContentType.objects.get_for_model(Subscriber),
                about_id__in=[str(pk) for pk in pks],
            ).delete()
            OutgoingEmail.objects.filter(
                about_type=ContentType.objects.get_for_model(Announcement),
                recipient__in=[email for _, email in subscribers],
            ).delete()
            Subscriber.objects.filter(pk__in=pks).delete()
        return len(pks)


class Subscriber(models.Model):
    """One email address that asked to hear about upcoming meetings and events.

    Nobody is sent an announcement until they follow the link in the confirmation email
    (double opt-in). Addresses are stored in lower case, so that one person is one subscriber
    however they type their address.
    """

    # Personal data: never listed in Wagtail's usage views of the pages it points to.
    wagtail_reference_index_ignore = True

    class Interests(models.TextChoices):
        ALL = "all", "All meetings and educational events"
        GROUP_MEETINGS = "group_meetings", "Group meetings only"
        EDUCATIONAL = "educational", "Educational events only"

    class Source(models.TextChoices):
        FORM = "form", "Sign-up form"
        JOIN_REQUEST = "join_request", "Join request"

    class State(models.TextChoices):
        PENDING = "pending", "Waiting for confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    email = models.EmailField("email address", max_length=254, unique=True)
    name = models.CharField(max_length=200, blank=True)
    interests = models.CharField(max_length=20, choices=Interests, default=Interests.ALL)
    source = models.CharField(max_length=20, choices=Source, default=Source.FORM)

    created_at = models.DateTimeField("signed up", default=timezone.now, db_index=True)
    requested_at = models.DateTimeField(
        "last asked",
        default=timezone.now,
        help_text="The latest sign-up while not confirmed: unconfirmed sign-ups are deleted 30 "
        "days after this.",
    )
    confirmation_sent_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the form last emailed this address; it emails one address only so "
        "often, so that it cannot be used to flood someone's inbox.",
    )
    confirmed_at = models.DateTimeField("confirmed", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("unsubscribed", null=True, blank=True)
    # Named in the signed links instead of the address or the row number, which say too much.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "subscriber"

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        super().save(*args, **kwargs)

    @property
    def state(self):
        if self.unsubscribed_at:
            return self.State.UNSUBSCRIBED
        if self.confirmed_at:
            return self.State.CONFIRMED
        return self.State.PENDING

    @property
    def awaits_confirmation(self):
        if self.unsubscribed_at:
            return self.unsubscribed_at < self.requested_at
        return self.confirmed_at is None

    @property
    def is_confirmed(self):
        return self.state == self.State.CONFIRMED

    def state_display(self):
        return self.state.label

    state_display.short_description = "State"

    def outbox_messages(self):
        """Every email to this address: confirmations and announcements alike."""
        return OutgoingEmail.objects.filter(recipient=self.email)

    def delivery_state(self):
        if not hasattr(self, "emails_waiting"):
            statuses = list(self.outbox_messages().values_list("status", flat=True))
            return DeliveryState.of(
                failed=statuses.count(OutgoingEmail.Status.FAILED),
                waiting=statuses.count(OutgoingEmail.Status.PENDING),
                sent=statuses.count(OutgoingEmail.Status.SENT),
            )
        return DeliveryState.of(
            failed=self.emails_failed, waiting=self.emails_waiting, sent=self.emails_sent
        )

    def delivery_state_display(self):
        return self.delivery_state().label

    delivery_state_display.short_description = "Email delivery"

    def erase(self):
        Subscriber.objects.filter(pk=self.pk).erase()


class Announcement(models.Model):
    """One sending of an event to its subscribers, with the event's status at the time.

    An event is announced once per status: when it is first published, then again if it is
    postponed, cancelled or goes ahead again. `number` counts the announcements of each event,
    so that two editors pressing Send together make one announcement, not two.
    """

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="announcements")
    number = models.PositiveIntegerField(default=1, editable=False)
    status = models.CharField("event status", max_length=10, choices=EventPage.Status)
    recipient_count = models.PositiveIntegerField("recipients", default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("sent", default=timezone.now)

    class Meta:
        ordering = ["event", "number"]
        constraints = [
            models.UniqueConstraint(fields=["event", "number"], name="one_announcement_per_turn")
        ]
        permissions = [("announce_event", "Can announce events to subscribers")]

    def __str__(self):
        sent = dateformat.format(timezone.localtime(self.created_at), "j M Y H:i")
        return f"{self.event.title}: {self.get_status_display()}, {sent}"

    def delivery_counts(self):
        """How many of this announcement's emails have gone and how many still wait."""
        counts = dict(emails_about(self).order_by().values_list("status").annotate(n=Count("pk")))
        return {
            "sent": counts.get(OutgoingEmail.Status.SENT, 0),
            "waiting": counts.get(OutgoingEmail.Status.PENDING, 0),
        }
