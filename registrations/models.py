"""Registrations for events on the portal, and the CPD certificates attendees are given."""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import dateformat, timezone
from django.utils.crypto import salted_hmac

from events.models import EventPage
from people.models import PersonRecord, PersonRecordQuerySet
from people.retention import Retention

# Certificate numbers: 16 characters from an alphabet with no look-alikes (80 random bits).
CERTIFICATE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CERTIFICATE_PREFIX = "CPD"


class RegistrationQuerySet(PersonRecordQuerySet):
    def holding_places(self):
        """Registered or attended: the people a place is kept for."""
        return self.filter(status__in=Registration.PLACE_HOLDING)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING).order_by("registered_at", "pk")


class Registration(PersonRecord):
    """One person's place (or place in the queue) at one event, as they gave it.

    Saving one leaves the page cache alone: places left are shown only in the registration
    panel, which is rendered for each request and never cached.
    """

    personal_data_label = "event_registrations"
    # Names go on the list and the certificate: corrected for events still to come only.
    correctable_fields = {"full_name": "full_name", "organisation": "organisation"}
    retention = (
        Retention(
            "Event registrations",
            kept_for="12 months after the event",
            setting="REGISTRATION_RETENTION_DAYS",
            expired=lambda cutoff: Registration.objects.filter(event__ends_at__lt=cutoff),
        ),
        # It held no place, and its owner may never have made it.
        Retention(
            "Registration requests never confirmed by their address's owner",
            kept_for="until their event ends",
            days=0,
            expired=lambda cutoff: Registration.objects.filter(
                status=Registration.Status.UNCONFIRMED, event__ends_at__lt=cutoff
            ),
        ),
    )

    class Status(models.TextChoices):
        # Asked for on the form; the address's owner has not yet followed the emailed link.
        UNCONFIRMED = "unconfirmed", "Not yet confirmed"
        REGISTERED = "registered", "Registered"
        WAITING = "waiting", "Waiting list"
        CANCELLED = "cancelled", "Cancelled"
        ATTENDED = "attended", "Attended"

    PLACE_HOLDING = (Status.REGISTERED, Status.ATTENDED)
    # What the person gives on the public form.
    FORM_FIELDS = ("full_name", "email", "role", "organisation", "needs")

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="registrations")
    full_name = models.CharField("full name", max_length=200)
    role = models.CharField("professional role", max_length=100)
    organisation = models.CharField("organisation", max_length=200)
    needs = models.TextField("access or dietary needs", max_length=1000, blank=True)

    status = models.CharField(max_length=11, choices=Status, default=Status.REGISTERED)
    registered_at = models.DateTimeField("registered", default=timezone.now, db_index=True)
    # The calendar SEQUENCE this person's calendar last received, so updates go once.
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
    # Changes to this person's own calendar entry (their place cancelled, a place again after
    # that): their copy's SEQUENCE is the event's plus this, so it only ever goes up.
    calendar_changes = models.PositiveIntegerField(default=0, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The newest of the event's materials (by id: later ones have higher ids) this person has
    # been emailed about, so publishing tells them only about what is new, and only once.
    materials_told_up_to = models.PositiveIntegerField(default=0, editable=False)
    # When the form last made us email this address about this event (a link to confirm, or
    # a note that it is already registered): the form may email an address only so often.
    form_email_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    feedback_rating = models.PositiveSmallIntegerField(
        "rating",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    feedback_comments = models.TextField("comments", max_length=2000, blank=True)
    feedback_given_at = models.DateTimeField("feedback given", null=True, blank=True)
    certificate_requested_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "email"], name="one_registration_per_email")
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self):
        return f"{self.full_name} ({self.event.title})"

    @property
    def holds_place(self):
        return self.status in self.PLACE_HOLDING

    @property
    def own_calendar_sequence(self):
        """The SEQUENCE of this person's copy of the event's calendar entry."""
        return self.event.sequence + self.calendar_changes

    @classmethod
    def correctable(cls, address):
        return super().correctable(address).filter(event__ends_at__gt=timezone.now())

    def export_data(self):
        return {
            "event": self.event.title,
            "full name": self.full_name,
            "email": self.email,
            "professional role": self.role,
            "organisation": self.organisation,
            "access or dietary needs": self.needs,
            "status": self.get_status_display(),
            "registered": self.registered_at.isoformat(),
            "consent given": self.consent_given_at.isoformat(),
            "privacy notice seen": self.privacy_notice_version,
            "feedback rating": self.feedback_rating,
            "feedback comments": self.feedback_comments,
            "emails": self.exported_emails(),
        }


def registration_counts():
    """Annotations for a query of events: people with a place, waiting, and attended.

    The dashboard and the organisers' screens count the same way, in the same query.
    """
    return {
        "registered_count": models.Count(
            "registrations", filter=models.Q(registrations__status__in=Registration.PLACE_HOLDING)
        ),
        "waiting_count": models.Count(
            "registrations", filter=models.Q(registrations__status=Registration.Status.WAITING)
        ),
        "attended_count": models.Count(
            "registrations", filter=models.Q(registrations__status=Registration.Status.ATTENDED)
        ),
    }


def new_certificate_number():
    body = "".join(secrets.choice(CERTIFICATE_ALPHABET) for _ in range(16))
    return f"{CERTIFICATE_PREFIX}-" + "-".join(body[i : i + 4] for i in range(0, 16, 4))


# The salt of the keyed hash that finds a person's certificates once their registration is gone.
EMAIL_DIGEST_SALT = "registrations.certificate.email"


def email_digests(address):
    """Keyed hashes (HMAC-SHA256 with SECRET_KEY) of an address, as certificates keep it.

    One per key in use, the current key first: after SECRET_KEY is rotated (the old one kept in
    SECRET_KEY_FALLBACKS) a data request still finds certificates hashed with the old key.
    """
    value = address.strip().lower()
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return [
        salted_hmac(EMAIL_DIGEST_SALT, value, secret=key, algorithm="sha256").hexdigest()
        for key in keys
    ]


class CertificateQuerySet(models.QuerySet):
    def for_address(self, address):
        """The address's certificates: through its registrations, or by the address's hash."""
        return self.filter(
            models.Q(registration__email__iexact=address.strip())
            | models.Q(email_digest__in=email_digests(address))
        )


class Certificate(models.Model):
    """What a CPD certificate said, kept (longer than registrations) so it can be verified.

    The facts are copied, not linked: the registration is purged long before the certificate,
    and an event page edited later must not change a certificate already issued. The address
    is kept only as a keyed hash, so a data request finds the certificate for its whole
    retention while the record itself names no address.
    """

    # Personal data: never listed in Wagtail's usage views of the pages it points to.
    wagtail_reference_index_ignore = True
    # Shown only on its own verification page, which is never cached.
    shown_on_public_pages = False
    retention = Retention(
        "CPD certificate records (name, event, hours, number), so certificates can be verified",
        kept_for="6 years after the event",
        setting="CERTIFICATE_RETENTION_DAYS",
        expired=lambda cutoff: Certificate.objects.filter(event_ended_at__lt=cutoff),
    )

    number = models.CharField(max_length=30, unique=True, default=new_certificate_number)
    registration = models.OneToOneField(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="certificate"
    )
    event = models.ForeignKey(
        EventPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    attendee_name = models.CharField(max_length=200)
    event_title = models.CharField(max_length=255)
    event_date = models.CharField(max_length=200, help_text="As written on the certificate.")
    event_ended_at = models.DateTimeField()
    event_format = models.CharField(max_length=40)
    cpd_hours = models.DecimalField("CPD hours", max_digits=4, decimal_places=1)
    group_name = models.CharField(max_length=200)
    chair_name = models.CharField(max_length=200, blank=True)
    issued_at = models.DateTimeField(default=timezone.now)
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email_digest = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    revoked_at = models.DateTimeField("revoked", null=True, blank=True, editable=False)
    # Erased at the holder's request: only the number and this date are kept, so the
    # verification page can say the record was removed rather than that it never existed.
    erased_at = models.DateTimeField("removed", null=True, blank=True, editable=False)

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "pk"]

    def __str__(self):
        return self.number

    @property
    def issued_on(self):
        return dateformat.format(timezone.localtime(self.issued_at), "j F Y")

    @property
    def is_valid(self):
        return self.revoked_at is None and self.erased_at is None
