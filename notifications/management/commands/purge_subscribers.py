"""Retention: deletes sign-ups that were never confirmed, with the emails sent to them."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from notifications.models import Subscriber
from notifications.subscriptions import UNCONFIRMED_RETENTION


class Command(BaseCommand):
    help = (
        "Delete sign-ups to meeting notifications that were not confirmed within --days days "
        "of the last request, with their confirmation emails. Confirmed subscribers are kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=UNCONFIRMED_RETENTION.days,
            help="Keep unconfirmed sign-ups this many days (default: %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = Subscriber.objects.pending().filter(requested_at__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{expired.count()} unconfirmed sign-up(s) would be deleted.")
            return
        deleted = expired.erase()
        self.stdout.write(
            f"Deleted {deleted} unconfirmed sign-up(s) last requested before {cutoff:%Y-%m-%d}."
        )
