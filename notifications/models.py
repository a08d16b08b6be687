"""Meeting notifications: the people who asked to hear about events, and what was sent to them."""

from django.conf import settings
from django.db import models
from django.db.models import Count
from django.utils import dateformat, timezone

from events.models import EventPage
from outbox.mail import emails_about
from outbox.models import OutgoingEmail
from people.models import PersonRecord, PersonRecordQuerySet
from people.retention import Retention


class SubscriberQuerySet(PersonRecordQuerySet):
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


class Subscriber(PersonRecord):
    """One email address that asked to hear about upcoming meetings and events.

    Nobody is sent an announcement until they follow the link in the confirmation email
    (double opt-in). Addresses are stored in lower case, so that one person is one subscriber
    however they type their address.
    """

    emails_about_others_to_address = ("notifications.Announcement",)
    personal_data_label = "subscribers"
    retention = Retention(
        "Unconfirmed sign-ups to meeting notifications",
        kept_for="30 days after the last request",
        days=30,
        expired=lambda cutoff: Subscriber.objects.pending().filter(requested_at__lt=cutoff),
    )

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

    correctable_fields = {"full_name": "name"}

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

    def export_data(self):
        return {
            "email": self.email,
            "name": self.name,
            "interests": self.get_interests_display(),
            "state": self.state_display(),
            "source": self.get_source_display(),
            "signed_up": self.created_at,
            "consent_given_at": self.consent_given_at,
            "privacy_notice_version": self.privacy_notice_version,
            "confirmed": self.confirmed_at,
            "unsubscribed": self.unsubscribed_at,
        }


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

    # Announcements are listed only in the admin.
    shown_on_public_pages = False

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
