"""The signed links in registration emails: confirm an address, cancel a place, give
feedback, get a certificate.

Made the same way as the notifications links (notifications/tokens.py): the person's random
key signed with the site's secret, one salt per purpose, so no link can be used for another.
"""

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse

CONFIRM_SALT = "registrations.confirm"
CANCEL_SALT = "registrations.cancel"
FEEDBACK_SALT = "registrations.feedback"
CERTIFICATE_SALT = "registrations.certificate"


class InvalidLink(Exception):
    """The link was altered, cut short, or made for another purpose."""


def full_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def make_token(obj, salt):
    return signing.Signer(salt=salt).sign(obj.key.hex)


def object_for_token(model, token, salt):
    """The object a genuine link names; None if it has since been deleted."""
    try:
        key = signing.Signer(salt=salt).unsign(token)
        return model.objects.filter(key=key).first()
    except (signing.BadSignature, ValidationError):
        raise InvalidLink from None


def confirm_url(registration):
    token = make_token(registration, CONFIRM_SALT)
    return full_url(reverse("registrations:confirm", args=[token]))


def cancel_url(registration):
    token = make_token(registration, CANCEL_SALT)
    return full_url(reverse("registrations:cancel", args=[token]))


def feedback_url(registration):
    token = make_token(registration, FEEDBACK_SALT)
    return full_url(reverse("registrations:feedback", args=[token]))


def certificate_download_url(certificate):
    token = make_token(certificate, CERTIFICATE_SALT)
    return full_url(reverse("registrations:certificate_download", args=[token]))


def verification_url(certificate):
    return full_url(reverse("registrations:verify", args=[certificate.number]))
