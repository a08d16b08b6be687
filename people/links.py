"""The links in emails to people: absolute addresses, and signed links that name a record.

A signed link names the record's random `key` signed with the site's secret, with one salt per
purpose, so no link can be used for another (a confirmation link never unsubscribes anyone).
Every token made here is kept out of the logs by `people.redaction`.
"""

import hashlib

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from portal.models import RateLimitCount

USED_LINK_SCOPE = "used-link"


class InvalidLink(Exception):
    """The link was altered, cut short, or made for another purpose."""


class ExpiredLink(InvalidLink):
    """The link is genuine but too old to use."""


def absolute_url(path):
    """The site's public address (WAGTAILADMIN_BASE_URL) with this path: for links in emails."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def sign(value, salt, *, expires=False):
    signer = signing.TimestampSigner(salt=salt) if expires else signing.Signer(salt=salt)
    return signer.sign(value)


def unsign(token, salt, *, max_age=None):
    """The signed value; with `max_age`, the token must be that recent (ExpiredLink if not)."""
    try:
        if max_age is None:
            return signing.Signer(salt=salt).unsign(token)
        return signing.TimestampSigner(salt=salt).unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise InvalidLink from None


def sign_address(address, salt):
    """A short-lived token naming an email address itself, for a link about everything held for
    it (`members.details`): no one record stands for all of them. It is encoded, not
    encrypted, but it goes only to that address, and the link shows the address anyway."""
    return signing.dumps(address, salt=salt, compress=True)


def address_for(token, salt, *, max_age):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise ExpiredLink from None
    except signing.BadSignature:
        raise InvalidLink from None


def use_once(token, *, lifetime):
    """Mark a short-lived link used: True the first time, False ever after (until it expires).

    Kept as a count of one in the rate limits' table, under a hash of the token, until the
    link could no longer work anyway (rate limits delete rows whose windows have ended). Two
    presses at once may both be refused, never both let through.
    """
    who = hashlib.sha256(token.encode()).hexdigest()
    uses = RateLimitCount.objects.filter(scope=USED_LINK_SCOPE, who=who)
    if uses.exists():
        return False
    RateLimitCount.objects.create(
        scope=USED_LINK_SCOPE, who=who, window_ends_at=timezone.now() + lifetime, count=1
    )
    return uses.count() == 1


def signed_url(viewname, record, salt):
    """The absolute address of `viewname`, taking a token that names `record`."""
    return absolute_url(reverse(viewname, args=[sign(record.key.hex, salt)]))


def record_with_key(model, key):
    """The record a genuine link names; None if it has since been deleted."""
    try:
        return model.objects.filter(key=key).first()
    except ValidationError:  # signed with our secret, but not a key: not one of our links
        raise InvalidLink from None


def record_for(model, token, salt):
    return record_with_key(model, unsign(token, salt))
