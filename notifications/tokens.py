"""The signed links in notification emails: confirm a sign-up, and unsubscribe.

Each kind of link has its own salt, so a confirmation link can never be used to unsubscribe
someone or the other way round. Confirmation links expire: an address typed by someone else
must not be confirmable for ever. Unsubscribe links never expire: an old email must always let
its reader leave the list.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse

from notifications.models import Subscriber

CONFIRM_SALT = "notifications.confirm"
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
CONFIRM_LINK_LIFETIME = timedelta(days=7)


class InvalidLink(Exception):
    """The link was altered, cut short, or made for another purpose."""


class ExpiredLink(InvalidLink):
    """The link is genuine but too old to use."""


def _full_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _sent_stamp(subscriber):
    sent = subscriber.confirmation_sent_at
    return str(int(sent.timestamp() * 1_000_000)) if sent else "0"


def confirm_token(subscriber):
    """Names the subscriber and the confirmation email it was sent in: a newer email's link
    replaces every older one."""
    value = f"{subscriber.key.hex}.{_sent_stamp(subscriber)}"
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign(value)


def unsubscribe_token(subscriber):
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(subscriber.key.hex)


def confirm_url(subscriber):
    return _full_url(reverse("notifications:confirm", args=[confirm_token(subscriber)]))


def unsubscribe_url(subscriber):
    return _full_url(reverse("notifications:unsubscribe", args=[unsubscribe_token(subscriber)]))


def _subscriber(key):
    """The subscriber a genuine link names; None if they have since been deleted."""
    try:
        return Subscriber.objects.filter(key=key).first()
    except ValidationError:  # signed with our secret, but not a key: not one of our links
        raise InvalidLink from None


def subscriber_for_confirm_token(token):
    try:
        value = signing.TimestampSigner(salt=CONFIRM_SALT).unsign(
            token, max_age=CONFIRM_LINK_LIFETIME
        )
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise InvalidLink from None
    key, _, stamp = value.partition(".")
    subscriber = _subscriber(key)
    if subscriber is not None and stamp != _sent_stamp(subscriber):
        raise ExpiredLink  # a newer confirmation email has been sent since
    return subscriber


def subscriber_for_unsubscribe_token(token):
    try:
        key = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token)
    except signing.BadSignature:
        raise InvalidLink from None
    return _subscriber(key)
