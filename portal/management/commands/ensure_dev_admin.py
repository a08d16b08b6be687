"""Creates the documented local admin account and its authenticator; refuses to run outside
development.

The account is a superuser, so the admin asks it for a code from an authenticator app like any
account that sees personal data (portal/second_factor.py): there is no way round it, in
development either. `--code` prints the code of the moment, for a developer without the app.
"""

import base64

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.second_factor import current_code

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
    help = (
        "Create the local development superuser admin/admin and its authenticator if they do "
        "not exist; --code prints the code to type when the admin asks for one."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--code", action="store_true", help="Print the authenticator's current code only."
        )

    def handle(self, *args, code=False, **options):
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
        user = User.objects.filter(username=USERNAME).first()
        if user is None:
            user = User.objects.create_superuser(USERNAME, "admin@localhost", PASSWORD)
            self.stdout.write(f"Created admin account '{USERNAME}' with password '{PASSWORD}'.")
        elif not code:
            self.stdout.write(f"Admin account '{USERNAME}' already exists.")
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="Development", confirmed=True)
        if code:
            self.stdout.write(current_code(device))
            return
        key = base64.b32encode(device.bin_key).decode()
        self.stdout.write(
            "After the password, the admin asks for a code: add the key "
            f"{key} to an authenticator app, or run "
            "'.venv/bin/python manage.py ensure_dev_admin --code' for the code of the moment."
        )
