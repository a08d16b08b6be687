"""Test helpers for the admin's second factor: an authenticator set up, its codes, a session
that has typed one."""

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.second_factor import needs_second_factor


def authenticator(user):
    """A confirmed authenticator for `user`, as after setting one up."""
    device, _ = TOTPDevice.objects.get_or_create(
        user=user, confirmed=True, defaults={"name": "Test authenticator"}
    )
    return device


def code_from_key(bin_key, *, steps_ahead=0):
    """The code an authenticator app with this key shows now (or `steps_ahead` steps of 30 s on).

    Computed from the key alone, as the app does; a code once accepted is refused again, so a
    second sign-in within 30 seconds uses the next one (the portal accepts one step of drift).
    """
    totp = TOTP(bin_key)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def force_login_with_second_factor(original):
    """`Client.force_login`, plus a verified second factor when the account needs one.

    Tests that are not about signing in log in this way; production code never sees it.
    """

    def force_login(self, user, backend=None):
        original(self, user, backend)
        if needs_second_factor(user):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = authenticator(user).persistent_id
            session.save()

    return force_login


ORIGINAL_FORCE_LOGIN = Client.force_login
