"""Loads the demo site; safe to run again (see demo.site)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from demo.site import build_site


class Command(BaseCommand):
    help = "Build the demo site from the group's own text. Existing pages are left as they are."

    @transaction.atomic
    def handle(self, *args, **options):
        home = build_site()
        self.stdout.write(f"Demo content ready: {home.title} and its pages.")
