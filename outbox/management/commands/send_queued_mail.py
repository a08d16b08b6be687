"""Retry queued mail; run it from cron every few minutes (see README)."""

from django.core.management.base import BaseCommand

from outbox.mail import deliver
from outbox.models import OutgoingEmail


class Command(BaseCommand):
    help = "Send every queued email that is due. Messages that fail stay queued for next time."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all", action="store_true", help="Also retry messages whose next attempt is not due."
        )

    def handle(self, *args, **options):
        pending = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
        pks = list(pending.values_list("pk", flat=True)) if options["all"] else None
        sent = deliver(pks)
        waiting = pending.count()
        self.stdout.write(f"Sent {sent} email(s); {waiting} still waiting.")
