"""Answers a person's request about their data: everything held for one email address."""

import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import validate_email

from people import personal_data


class Command(BaseCommand):
    help = (
        "Export (as JSON, to standard output) or erase everything the portal holds about an "
        "email address: join requests, subscriptions, emails to or about them, and log entries."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group(required=True)
        action.add_argument("--export", metavar="EMAIL", help="Print everything held as JSON.")
        action.add_argument("--erase", metavar="EMAIL", help="Delete everything held.")

    def handle(self, *args, **options):
        address = (options["export"] or options["erase"]).strip()
        try:
            validate_email(address)
        except ValidationError:
            raise CommandError(f"{address!r} is not an email address.") from None

        if options["export"]:
            data = personal_data.export(address)
            self.stdout.write(json.dumps(data, cls=DjangoJSONEncoder, indent=2))
            return

        counts = personal_data.erase(address)
        summary = ", ".join(f"{count} {name.replace('_', ' ')}" for name, count in counts.items())
        self.stderr.write(f"Erased everything held for {address}: {summary}.")
