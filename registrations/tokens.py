"""The signed links in registration emails: confirm an address, cancel a place, give
feedback, get a certificate, see the event's materials.

Made by `people.links`, one salt per purpose, so no link can be used for another.
"""

from django.urls import reverse

from people.links import InvalidLink, absolute_url, record_for, signed_url

__all__ = ["InvalidLink", "object_for_token"]

CONFIRM_SALT = "registrations.confirm"
CANCEL_SALT = "registrations.cancel"
FEEDBACK_SALT = "registrations.feedback"
CERTIFICATE_SALT = "registrations.certificate"
MATERIALS_SALT = "registrations.materials"

object_for_token = record_for


def confirm_url(registration):
    return signed_url("registrations:confirm", registration, CONFIRM_SALT)


def cancel_url(registration):
    return signed_url("registrations:cancel", registration, CANCEL_SALT)


def feedback_url(registration):
    return signed_url("registrations:feedback", registration, FEEDBACK_SALT)


def materials_url(registration):
    return signed_url("registrations:materials", registration, MATERIALS_SALT)


def material_download_path(token, material):
    """A document among the materials, through the same link (a path: the page links to it)."""
    return reverse("registrations:material_download", args=[token, material.pk])


def certificate_download_url(certificate):
    return signed_url("registrations:certificate_download", certificate, CERTIFICATE_SALT)


def verification_url(certificate):
    return absolute_url(reverse("registrations:verify", args=[certificate.number]))
