"""Creates the documented local admin account; refuses to run outside development."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

LOCAL_HOSTS = {"", "localhost", "127.0.0.1", "::1"}


def database_is_local():
    """SQLite, or a server on this machine (by loopback address or Unix socket)."""
    if connection.vendor == "sqlite":
        return True
    host = connection.settings_dict.get("HOST") or ""
    return host in LOCAL_HOSTS or host.startswith("/")


USERNAME = "admin"
PASSWORD = "admin"  # noqa: S105 - documented, development-only account


class Command(BaseCommand):
    help = "Create the local development superuser admin/admin if it does not exist."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("ensure_dev_admin only runs with DEBUG on (development settings).")
        if not database_is_local():
            # A well-known password must never reach a shared or production database, even
            # from a developer's machine pointed at it by mistake.
            raise CommandError(
                "ensure_dev_admin only runs against a database on this machine, not "
                f"{connection.settings_dict.get('HOST')!r}."
            )
        User = get_user_model()
        if User.objects.filter(username=USERNAME).exists():
            self.stdout.write(f"Admin account '{USERNAME}' already exists.")
            return
        User.objects.create_superuser(USERNAME, "admin@localhost", PASSWORD)
        self.stdout.write(f"Created admin account '{USERNAME}' with password '{PASSWORD}'.")
