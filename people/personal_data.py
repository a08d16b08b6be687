"""Everything the portal holds about one email address, for export and erasure requests.

Records of people (`people.models.PersonRecord`) take part by declaring a
`personal_data_label`. Data of other shapes (certificates, found through registrations) is
registered by its app in AppConfig.ready(): a name for its part of the export, a function
returning what it holds for an address, and one erasing it; these run first, since they may
be found through the records. `manage.py personal_data` runs them all, then sweeps the outbox
and Wagtail's log entries for anything still naming the address. The erasure test scans every
text column of every table afterwards, so a model added later that forgets to take part makes
it fail.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models, transaction
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry, PageLogEntry

from outbox.models import OutgoingEmail
from people.models import person_record_models


@dataclass(frozen=True)
class Holder:
    name: str
    export: Callable[[str], list]
    erase: Callable[[str], int]
    # Records others may need to check later (certificates): erasing may keep them.
    verifiable: bool = False


_holders = {}


def register(name, *, export, erase, verifiable=False):
    """Add an app's personal data: `export(address)` returns a list of JSON-ready dicts,
    `erase(address)` deletes everything the app holds for the address, returning a count.
    `verifiable` data may be kept when its owner asks for the rest to be erased."""
    _holders[name] = Holder(name, export, erase, verifiable)


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


def _record_holder(model):
    def export(address):
        return [record.export_data() for record in model.objects.for_address(address)]

    def erase(address):
        return model.objects.for_address(address).erase()

    return Holder(model.personal_data_label, export, erase)


def holders():
    return [
        *_holders.values(),
        *(_record_holder(model) for model in person_record_models() if model.personal_data_label),
    ]


def export(address):
    data = {"email": address}
    for holder in holders():
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


def holds_anything(address):
    """Whether anything at all is held for the address: what a request for it would show."""
    data = export(address)
    return any(value for name, value in data.items() if name != "email")


def erase(address, *, keep_verifiable=False):
    """Delete everything held for the address, in one transaction; counts per kind of data.
    With `keep_verifiable`, records others may need to check (certificates) stay."""
    counts = {}
    with transaction.atomic():
        for holder in holders():
            if keep_verifiable and holder.verifiable:
                continue
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
