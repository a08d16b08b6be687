"""Retention: deletes closed join requests once the group no longer needs them."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from membership.models import JoinRequest


class Command(BaseCommand):
    help = (
        "Delete accepted and declined join requests (with their emails and history) submitted "
        "more than --days days ago. New and contacted requests are always kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.JOIN_REQUEST_RETENTION_DAYS,
            help="Keep closed requests this many days (default: JOIN_REQUEST_RETENTION_DAYS, "
            "%(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = JoinRequest.objects.filter(
            status__in=JoinRequest.CLOSED_STATUSES, submitted_at__lt=cutoff
        )
        if dry_run:
            self.stdout.write(f"{expired.count()} closed join request(s) would be deleted.")
            return
        deleted = expired.erase()
        self.stdout.write(
            f"Deleted {deleted} closed join request(s) submitted before {cutoff:%Y-%m-%d}."
        )
