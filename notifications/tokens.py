"""The signed links in notification emails: confirm a sign-up, and unsubscribe.

Each kind of link has its own salt, so a confirmation link can never be used to unsubscribe
someone or the other way round. Confirmation links expire: an address typed by someone else
must not be confirmable for ever. Unsubscribe links never expire: an old email must always let
its reader leave the list.
"""

from datetime import timedelta

from django.urls import reverse

from notifications.models import Subscriber
from people.links import (
    ExpiredLink,
    InvalidLink,
    absolute_url,
    record_for,
    record_with_key,
    sign,
    unsign,
)

__all__ = ["ExpiredLink", "InvalidLink"]

CONFIRM_SALT = "notifications.confirm"
UNSUBSCRIBE_SALT = "notifications.unsubscribe"
CONFIRM_LINK_LIFETIME = timedelta(days=7)


def _sent_stamp(subscriber):
    sent = subscriber.confirmation_sent_at
    return str(int(sent.timestamp() * 1_000_000)) if sent else "0"


def confirm_token(subscriber):
    """Names the subscriber and the confirmation email it was sent in: a newer email's link
    replaces every older one."""
    return sign(f"{subscriber.key.hex}.{_sent_stamp(subscriber)}", CONFIRM_SALT, expires=True)


def confirm_url(subscriber):
    return absolute_url(reverse("notifications:confirm", args=[confirm_token(subscriber)]))


def unsubscribe_token(subscriber):
    return sign(subscriber.key.hex, UNSUBSCRIBE_SALT)


def unsubscribe_url(subscriber):
    return absolute_url(reverse("notifications:unsubscribe", args=[unsubscribe_token(subscriber)]))


def subscriber_for_confirm_token(token):
    key, _, stamp = unsign(token, CONFIRM_SALT, max_age=CONFIRM_LINK_LIFETIME).partition(".")
    subscriber = record_with_key(Subscriber, key)
    if subscriber is not None and stamp != _sent_stamp(subscriber):
        raise ExpiredLink  # a newer confirmation email has been sent since
    return subscriber


def subscriber_for_unsubscribe_token(token):
    return record_for(Subscriber, token, UNSUBSCRIBE_SALT)
