"""Scheduled job (hourly): remind registered people the day before their event."""

from django.core.management.base import BaseCommand

from registrations.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Queue a reminder (with the private joining details for online and hybrid events) to "
        "everyone with a place at an event starting in the next 24 hours. Safe to run often: "
        "each person is reminded once."
    )

    def handle(self, *args, **options):
        count = send_reminders()
        self.stdout.write(f"Queued {count} reminder(s).")
