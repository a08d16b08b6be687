"""Creates the documented local admin account; refuses to run outside development."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin"  # noqa: S105 - documented, development-only account


class Command(BaseCommand):
    help = "Create the local development superuser admin/admin if it does not exist."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (development settings).")
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"Admin account '{USERNAME}' already exists.")
            return
        User.objects.create_superuser(USERNAME, "admin@localhost", PASSWORD)
        self.stdout.write(f"Created admin account '{USERNAME}' with password '{PASSWORD}'.")
