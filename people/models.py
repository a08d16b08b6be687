"""What every record of a person shares, given to a model by subclassing `PersonRecord`.

A record of someone who gave the group their details (a join request, a subscriber, a
registration) declares itself by subclassing, and so gets:

- consent: when it was given and the privacy notice the person saw (`people.consent`);
- a random `key`, named in the person's signed links (`people.links`) instead of the address
  or the row number, which say too much;
- the delivery state of the emails about it: the admin lists' *Email delivery* column and
  filter, the dashboard's count of failed emails and *Try sending again*;
- export and erasure with everything else held about an address (`people.personal_data`),
  under its `personal_data_label`, one record at a time through `export_data()`;
- deletion when it is no longer needed, when it declares `retention` (`people.retention`,
  run daily by `manage.py purge_expired_data`);
- saves that leave the page cache alone, since no public page shows a person.
"""

import uuid

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from wagtail.models import ModelLogEntry

from outbox.models import DeliveryState, OutgoingEmail


class PersonRecordQuerySet(models.QuerySet):
    def for_address(self, address):
        return self.filter(email__iexact=address.strip())

    def with_delivery_state(self):
        """Annotate how many of each record's emails are sent, waiting and failed, in one query."""
        emails = OutgoingEmail.objects.filter(
            self.model.emails_of(Cast(OuterRef("pk"), models.CharField()), OuterRef("email"))
        )

        def count(status):
            matching = emails.filter(status=status).order_by().values(one=Value(1))
            return Coalesce(Subquery(matching.annotate(n=Count("pk")).values("n")), 0)

        return self.annotate(
            emails_waiting=count(OutgoingEmail.Status.PENDING),
            emails_sent=count(OutgoingEmail.Status.SENT),
            emails_failed=count(OutgoingEmail.Status.FAILED),
        )

    def with_failed_emails(self):
        return self.with_delivery_state().filter(emails_failed__gt=0)

    def erase(self):
        """Delete these records with every email and admin log entry about them."""
        content_type = ContentType.objects.get_for_model(self.model)
        rows = list(self.values_list("pk", "email"))
        ids = [str(pk) for pk, _ in rows]
        with transaction.atomic():
            emails = self.model.emails_of(ids, [email for _, email in rows], many=True)
            OutgoingEmail.objects.filter(emails).delete()
            # The admin's "delete" logs the record's name just before this.
            ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids).delete()
            self.model.objects.filter(pk__in=ids).delete()
        return len(ids)


class PersonRecord(models.Model):
    # Personal data: never listed in Wagtail's usage views of the pages it points to.
    wagtail_reference_index_ignore = True
    # No public page shows a person: saving one leaves the page cache alone (pagecache/cache.py).
    shown_on_public_pages = False
    # Emails are this person's when they are about the record, and when they are about one of
    # these models (labels) and sent to the record's address (a subscriber's announcements).
    emails_about_others_to_address = ()
    # The record's part of `manage.py personal_data --export`; None keeps it out.
    personal_data_label = None
    # When rows are deleted: a `people.retention.Retention`, or None to keep them until erased.
    retention = None
    # What a correction on the details page (`members.details`) changes: {"full_name" or
    # "organisation": this model's field}. Empty keeps the record as it was given.
    correctable_fields = {}

    email = models.EmailField("email address", max_length=254)
    consent_given_at = models.DateTimeField("consent given")
    privacy_notice_version = models.CharField(
        "privacy notice seen", max_length=300, help_text="The notice and the date it last changed."
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    objects = PersonRecordQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def emails_of(cls, pk, email, *, many=False):
        """A filter for the outbox messages of the record with this pk and address (of the
        records with these pks and addresses, with `many`)."""
        suffix = "__in" if many else ""
        about_it = Q(about_type=ContentType.objects.get_for_model(cls), **{f"about_id{suffix}": pk})
        if not cls.emails_about_others_to_address:
            return about_it
        others = ContentType.objects.get_for_models(
            *(apps.get_model(label) for label in cls.emails_about_others_to_address)
        )
        others = list(others.values())
        return about_it | Q(about_type__in=others, **{f"recipient{suffix}": email})

    def outbox_messages(self):
        return OutgoingEmail.objects.filter(self.emails_of(str(self.pk), self.email))

    def delivery_state(self):
        """Whether the emails to this person have gone: nobody must miss one unnoticed."""
        if hasattr(self, "emails_waiting"):
            waiting, sent, failed = self.emails_waiting, self.emails_sent, self.emails_failed
        else:
            statuses = list(self.outbox_messages().values_list("status", flat=True))
            waiting = statuses.count(OutgoingEmail.Status.PENDING)
            sent = statuses.count(OutgoingEmail.Status.SENT)
            failed = statuses.count(OutgoingEmail.Status.FAILED)
        return DeliveryState.of(failed=failed, waiting=waiting, sent=sent)

    def delivery_state_display(self):
        return self.delivery_state().label

    delivery_state_display.short_description = "Email delivery"

    @classmethod
    def correctable(cls, address):
        """The address's records a correction changes: all of them, unless a model says."""
        return cls.objects.for_address(address) if cls.correctable_fields else cls.objects.none()

    def export_data(self):
        """This record as the person is entitled to see it: a JSON-ready dict."""
        raise NotImplementedError(f"{type(self).__name__} must say what it exports.")

    def exported_emails(self):
        return [
            {
                "to": email.recipient,
                "subject": email.subject,
                "body": email.text_body,
                "state": email.get_status_display(),
                "created_at": email.created_at,
                "sent_at": email.sent_at,
            }
            for email in self.outbox_messages().order_by("created_at", "pk")
        ]

    def erase(self):
        type(self).objects.filter(pk=self.pk).erase()


def person_record_models():
    return [model for model in apps.get_models() if issubclass(model, PersonRecord)]
