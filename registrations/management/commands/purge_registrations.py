"""Retention (daily): delete registrations after their event, and old certificate records."""

from django.core.management.base import BaseCommand, CommandError

from registrations.retention import expired_certificates, expired_registrations


class Command(BaseCommand):
    help = (
        "Delete registrations (with their emails and history) of events that ended more than "
        "REGISTRATION_RETENTION_DAYS ago, and certificate records of events that ended more than "
        "CERTIFICATE_RETENTION_DAYS ago. Certificates outlive registrations, so they can still "
        "be verified."
    )

    def add_arguments(self, parser):
        parser.add_argument("--registration-days", type=int, default=None)
        parser.add_argument("--certificate-days", type=int, default=None)
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, registration_days, certificate_days, dry_run, **options):
        if (registration_days or 0) < 0 or (certificate_days or 0) < 0:
            raise CommandError("The number of days must be 0 or more.")
        registrations = expired_registrations(registration_days)
        certificates = expired_certificates(certificate_days)
        if dry_run:
            self.stdout.write(
                f"{registrations.count()} registration(s) and {certificates.count()} "
                "certificate record(s) would be deleted."
            )
            return
        deleted = registrations.erase()
        certificate_count, _ = certificates.delete()
        self.stdout.write(
            f"Deleted {deleted} registration(s) and {certificate_count} certificate record(s)."
        )
