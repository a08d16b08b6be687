"""Retention (daily): deletes every kind of personal data past the period the group keeps it."""

from django.core.management.base import BaseCommand
from django.db import transaction

from people import retention


class Command(BaseCommand):
    help = (
        "Delete what each retention rule says has expired: records of people with their emails "
        "and history, certificate records, sent mail, sign-in records and expired sessions. "
        "The periods are listed in docs/data-protection.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, dry_run, **options):
        for rule in retention.rules():
            if dry_run:
                expired = rule.expired_at()
                count = sum(
                    rows.count() for rows in (expired if isinstance(expired, list) else [expired])
                )
                self.stdout.write(f"{rule.what}: {count} would be deleted.")
                continue
            # Each rule in its own transaction: what one deleted stays deleted if a later one fails.
            with transaction.atomic():
                count = rule.purge()
            self.stdout.write(f"{rule.what}: {count} deleted.")
