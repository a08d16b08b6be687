"""Retention: deletes emails, bodies and headers, once they are no longer needed."""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone

from outbox.models import OutgoingEmail


class Command(BaseCommand):
    help = (
        "Delete sent emails sent more than --days days ago, and failed ones last tried that long "
        "ago. Emails still waiting are always kept."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.EMAIL_RETENTION_DAYS,
            help="Keep sent and failed emails this many days (default: EMAIL_RETENTION_DAYS, "
            "%(default)s).",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        deleted, _ = OutgoingEmail.objects.filter(
            Q(status=OutgoingEmail.Status.SENT, sent_at__lt=cutoff)
            | Q(status=OutgoingEmail.Status.FAILED, last_attempt_at__lt=cutoff)
        ).delete()
        self.stdout.write(f"Deleted {deleted} email(s) sent or failed before {cutoff:%Y-%m-%d}.")
