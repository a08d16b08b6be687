"""Everything the portal holds about one email address, for export and erasure requests.

Each app that stores personal data registers a holder in its AppConfig.ready(): a name for its
part of the export, a function returning what it holds for an address, and one erasing it.
`manage.py personal_data` runs every holder, then sweeps the outbox and Wagtail's log entries
for anything still naming the address. The erasure test scans every text column of every table
afterwards, so a model added later that forgets to register makes it fail.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry, PageLogEntry

from outbox.models import OutgoingEmail


@dataclass(frozen=True)
class Holder:
    name: str
    export: Callable[[str], list]
    erase: Callable[[str], int]


_holders = {}


class ErasableQuerySet(models.QuerySet):
    """For models of people: `erase()` deletes the rows with the emails and logs about them."""

    def erase(self):
        content_type = ContentType.objects.get_for_model(self.model)
        ids = [str(pk) for pk in self.values_list("pk", flat=True)]
        with transaction.atomic():
            OutgoingEmail.objects.filter(about_type=content_type, about_id__in=ids).delete()
            ModelLogEntry.objects.filter(content_type=content_type, object_id__in=ids).delete()
            self.model.objects.filter(pk__in=ids).delete()
        return len(ids)


def register(name, *, export, erase):
    """Add an app's personal data: `export(address)` returns a list of JSON-ready dicts,
    `erase(address)` deletes everything the app holds for the address, returning a count."""
    _holders[name] = Holder(name, export, erase)


def emails_naming(address):
    """Outbox messages to the address, replying to it, or carrying it in their text."""
    return OutgoingEmail.objects.filter(
        models.Q(recipient__iexact=address)
        | models.Q(reply_to__iexact=address)
        | models.Q(subject__icontains=address)
        | models.Q(text_body__icontains=address)
        | models.Q(html_body__icontains=address)
    )


def log_entries_naming(address):
    """Wagtail log entries whose label or data carry the address, per log model."""
    for model in (ModelLogEntry, PageLogEntry):
        yield model.objects.annotate(data_text=Cast("data", models.TextField())).filter(
            models.Q(label__icontains=address) | models.Q(data_text__icontains=address)
        )


def export(address):
    data = {"email": address}
    for holder in _holders.values():
        data[holder.name] = holder.export(address)
    data["emails"] = [
        {
            "to": email.recipient,
            "subject": email.subject,
            "body": email.text_body,
            "state": email.get_status_display(),
            "created_at": email.created_at,
            "sent_at": email.sent_at,
        }
        for email in emails_naming(address).order_by("created_at", "pk")
    ]
    data["log_entries"] = [
        {"action": entry.action, "label": entry.label, "timestamp": entry.timestamp}
        for entries in log_entries_naming(address)
        for entry in entries.order_by("timestamp", "pk")
    ]
    return data


def erase(address):
    """Delete everything held for the address, in one transaction; counts per kind of data."""
    counts = {}
    with transaction.atomic():
        for holder in _holders.values():
            counts[holder.name] = holder.erase(address)
        # Messages a sender holds right now are deleted too: the sender writes back only to
        # rows that still exist, so they stay gone.
        counts["emails"] = emails_naming(address).delete()[0]
        counts["log_entries"] = sum(
            entries.model.objects.filter(
                pk__in=list(entries.values_list("pk", flat=True))
            ).delete()[0]
            for entries in log_entries_naming(address)
        )
    return counts
