"""The signed links in registration emails: confirm an address, cancel a place, give
feedback, get a certificate.

Made by `people.links`, one salt per purpose, so no link can be used for another.
"""

from django.urls import reverse

from people.links import InvalidLink, absolute_url, record_for, signed_url

__all__ = ["InvalidLink", "object_for_token"]

CONFIRM_SALT = "registrations.confirm"
CANCEL_SALT = "registrations.cancel"
FEEDBACK_SALT = "registrations.feedback"
CERTIFICATE_SALT = "registrations.certificate"

object_for_token = record_for


def confirm_url(registration):
    return signed_url("registrations:confirm", registration, CONFIRM_SALT)


def cancel_url(registration):
    return signed_url("registrations:cancel", registration, CANCEL_SALT)


def feedback_url(registration):
    return signed_url("registrations:feedback", registration, FEEDBACK_SALT)


def certificate_download_url(certificate):
    return signed_url("registrations:certificate_download", certificate, CERTIFICATE_SALT)


def verification_url(certificate):
    return absolute_url(reverse("registrations:verify", args=[certificate.number]))
