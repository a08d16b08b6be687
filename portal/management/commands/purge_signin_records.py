"""Retention: deletes admin sign-in records (who, from where, when) and expired sessions."""

from datetime import timedelta
from importlib import import_module

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Delete django-axes's records of sign-ins and failed sign-ins older than --days days, "
        "and every session that has expired."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.SIGNIN_RECORD_RETENTION_DAYS,
            help="Keep sign-in records this many days (default: SIGNIN_RECORD_RETENTION_DAYS, "
            "%(default)s).",
        )

    def handle(self, *args, days, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        # Failures still counting towards a pause are kept whatever --days says.
        counting_since = timezone.now() - settings.AXES_COOLOFF_TIME
        deleted = AccessAttempt.objects.filter(
            attempt_time__lt=min(cutoff, counting_since)
        ).delete()[0]
        for model in (AccessFailureLog, AccessLog):
            deleted += model.objects.filter(attempt_time__lt=cutoff).delete()[0]
        # The session store's own clean-up: database sessions past their expiry date.
        import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
        self.stdout.write(
            f"Deleted {deleted} sign-in record(s) from before {cutoff:%Y-%m-%d}, "
            "and expired sessions."
        )
