"""Deletes a person's authenticator, so they set up a new one at their next sign-in."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Delete USERNAME's authenticator app (for a lost phone): at their next sign-in the "
        "admin asks them to set up a new one. Until then anyone with their password could."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account is called {username!r}.")
        deleted, _ = TOTPDevice.objects.filter(user=user).delete()
        self.stdout.write(f"Deleted {deleted} authenticator(s) of {username}.")
