"""Defences for public forms: a honeypot, a signed form timestamp and a per-address rate limit.

Public forms (join requests, meeting notifications) are open to anyone, so they attract bots.
Bots that fill in every field, or post the moment they fetch the form, are turned away quietly:
telling them why would only teach them. People are never silently dropped for being slow: a
form left open too long shows an error and can be sent again with the answers kept.
"""

import hashlib
import ipaddress
import logging
import time
from datetime import UTC, datetime, timedelta

from django import forms
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from portal.models import RateLimitCount

logger = logging.getLogger(__name__)

TIMESTAMP_SALT = "portal.antispam.form-started"
MIN_SECONDS_TO_FILL = 3
MAX_FORM_AGE_SECONDS = 24 * 60 * 60
# A public form emails one address at most this often, however many times it is posted, so it
# cannot be used to flood someone's inbox.
SAME_ADDRESS_EMAIL_INTERVAL = timedelta(minutes=10)
FORM_EXPIRED_MESSAGE = (
    "This form was open for too long, so it has expired. Check your answers and send it again."
)


def sign_timestamp(now=None):
    return signing.dumps(time.time() if now is None else now, salt=TIMESTAMP_SALT)


class AntiSpamFormMixin:
    """Adds a honeypot field and a signed "form started" time to a form.

    Put it first in the bases: `class MyForm(AntiSpamFormMixin, forms.Form)`. Render
    `form.honeypot_field` inside an element hidden by CSS and `form.timestamp_field` anywhere.
    A view asks `spam_reason()` before anything else and, if it is not empty, answers as if the
    post had worked without keeping it. An expired timestamp is a validation error instead,
    because a person who left the page open overnight deserves to know.
    """

    honeypot_field_name = "website"
    timestamp_field_name = "form_started"
    min_seconds_to_fill = MIN_SECONDS_TO_FILL
    max_form_age_seconds = MAX_FORM_AGE_SECONDS

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.honeypot_field_name] = forms.CharField(
            required=False,
            max_length=200,
            label="Leave this field empty",
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[self.timestamp_field_name] = forms.CharField(
            required=False, initial=sign_timestamp, widget=forms.HiddenInput
        )

    @property
    def honeypot_field(self):
        return self[self.honeypot_field_name]

    @property
    def timestamp_field(self):
        return self[self.timestamp_field_name]

    def _started_at(self, max_age=None):
        token = self.data.get(self.add_prefix(self.timestamp_field_name), "")
        return signing.loads(token, salt=TIMESTAMP_SALT, max_age=max_age)

    def spam_reason(self):
        """Why this post looks automated ("" if it does not): honeypot, too fast, or tampered."""
        if not self.is_bound:
            return ""
        if self.data.get(self.add_prefix(self.honeypot_field_name)):
            return "honeypot filled in"
        try:
            started_at = float(self._started_at())
        except signing.BadSignature:
            return "timestamp missing or tampered with"
        except (TypeError, ValueError):
            return "timestamp not a number"
        # A person who presses Send on a half-filled form at once must see what is missing, so
        # the time trap only catches posts that would otherwise be accepted.
        if time.time() - started_at < self.min_seconds_to_fill and self.is_valid():
            return "sent faster than a person could fill it in"
        return ""

    def clean(self):
        cleaned_data = super().clean()
        try:
            self._started_at(max_age=self.max_form_age_seconds)
        except signing.SignatureExpired:
            # A fresh timestamp, so that sending the form again works.
            self.data = self.data.copy()
            self.data[self.add_prefix(self.timestamp_field_name)] = sign_timestamp()
            raise forms.ValidationError(FORM_EXPIRED_MESSAGE, code="expired") from None
        except signing.BadSignature:
            pass  # spam_reason() has already turned this post away.
        return cleaned_data


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _is_trusted_proxy(address):
    return any(address in network for network in settings.TRUSTED_PROXY_NETWORKS)


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or what our own proxies put in X-Forwarded-For.

    The header is read only when the connection comes from a trusted proxy, and then from the
    right: each of our proxies appends the address it saw, so the first entry from the right
    that is not one of ours is the client. Anything further left was written by the client.
    """
    remote = _address(request.META.get("REMOTE_ADDR", ""))
    if remote is None:
        return ""
    if not _is_trusted_proxy(remote):
        return str(remote)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed([entry for entry in forwarded.split(",") if entry.strip()]):
        address = _address(entry)
        if address is None:
            break  # garbled by something we do not run: the proxy is all we know
        if not _is_trusted_proxy(address):
            return str(address)
        remote = address
    return str(remote)


def client_key(request):
    """Who counts as one client for rate limits and sign-in lock-outs.

    An IPv4 address, or the /64 network of an IPv6 one: a single home or server is usually
    given a whole /64 and could otherwise take a fresh address for every attempt.
    """
    address = _address(client_ip(request))
    if address is None:
        return None  # no address at all, e.g. a test client or a sign-in made by code
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        # The network's first address stands for it: still an address, as django-axes stores.
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


class RateLimit:
    """At most `limit` hits per client address in each `period` seconds, counted in the database.

    Counts live in the database (`RateLimitCount`), not the shared cache: a cache filled by a
    flood of anonymous GETs evicts or refuses entries, and a limit kept there would let every
    post through just when the site is under attack. Each hit is one atomic update (or insert)
    that holds on SQLite and PostgreSQL alike; if the database fails, so does the post, which
    needed it anyway. Windows are fixed (`period` seconds from the epoch); rows of windows that
    have ended are deleted as new ones start, so the table holds only the current hour.
    """

    def __init__(self, scope, *, limit, period):
        self.scope = scope
        self.limit = limit
        self.period = period

    def hit(self, request):
        """Count one hit from this request's client; True while it is still within its limit."""
        return self.hit_by(client_key(request) or "unknown")

    def hit_by(self, who):
        """Count one hit for `who` (any string, such as an email address); True while within."""
        return self.count_hit(who) <= self.limit

    def count_hit(self, who):
        """Count one hit for `who`; how many there have been in this window, this one included."""
        now = time.time()
        ends_at = datetime.fromtimestamp((int(now // self.period) + 1) * self.period, tz=UTC)
        who = hashlib.sha256(who.encode()).hexdigest()
        rows = RateLimitCount.objects.filter(scope=self.scope, who=who, window_ends_at=ends_at)
        # One transaction: the row stays locked from the update until the count is read back,
        # so each hit reads its own count, however many arrive at once.
        with transaction.atomic():
            if not rows.update(count=F("count") + 1):
                try:
                    with transaction.atomic():
                        RateLimitCount.objects.create(
                            scope=self.scope, who=who, window_ends_at=ends_at, count=1
                        )
                except IntegrityError:  # another hit of the same window created it first
                    rows.update(count=F("count") + 1)
                else:
                    RateLimitCount.objects.filter(window_ends_at__lte=timezone.now()).delete()
                    return 1
            return rows.values_list("count", flat=True).get()

    def retry_after(self):
        """Seconds until the current window ends."""
        return int(self.period - time.time() % self.period) + 1


class FormRateLimit:
    """Posts of one public form: `limit` per client and email address given, and a higher
    `ceiling` per client whatever the address.

    Colleagues behind one hospital's address each have their own `limit`, so one busy network
    is not turned away; the ceiling still stops one machine posting without end under ever
    new addresses.
    """

    def __init__(self, scope, *, limit, ceiling, period, email_field="email"):
        self.per_person = RateLimit(scope, limit=limit, period=period)
        self.per_client = RateLimit(f"{scope}-client", limit=ceiling, period=period)
        self.email_field = email_field

    @property
    def limit(self):
        return self.per_person.limit

    def hit(self, request, form):
        """Count this post; the limit it is over (for `retry_after`), or None if within both."""
        client = client_key(request) or "unknown"
        email = str(form.data.get(form.add_prefix(self.email_field), "")).strip().lower()
        over = None
        if not self.per_client.hit_by(client):
            over = self.per_client
        if not self.per_person.hit_by(f"{client} {email[:254]}"):
            over = over or self.per_person
        return over


def too_many_requests(request, rate_limit, *, what="this form"):
    """The 429 page, with Retry-After so that well-behaved clients wait."""
    response = TemplateResponse(
        request,
        "429.html",
        {"what": what, "retry_minutes": max(1, round(rate_limit.retry_after() / 60))},
        status=429,
    )
    response["Retry-After"] = str(rate_limit.retry_after())
    return response


def try_again_message(rate_limit):
    """What a person refused by `rate_limit` is told: that nothing was lost, and when to retry."""
    seconds = rate_limit.retry_after()
    at = timezone.localtime() + timedelta(seconds=seconds)
    minutes = max(1, round(seconds / 60))
    plural = "s" if minutes != 1 else ""
    return (
        "You have sent this form many times from your connection in a short while, so we have "
        "paused it to protect the site from automated abuse. Your answers are kept below: "
        f"please send them again after {at:%H:%M} (in {minutes} minute{plural})."
    )


def turn_away(request, form, rate_limit, *, what, accepted_url, logger, render_form):
    """The answer to a public form's post that must go no further, or None if it may.

    A post over its `FormRateLimit` gets the form again, with what was typed and a message
    saying when to send it, as a 429 with Retry-After (`render_form(form)` renders it). A post
    that looks automated gets the same redirect as an accepted one, so a bot learns nothing;
    why is logged to the form's own `logger`, so that each form's bots can be watched on
    their own.
    """
    over = rate_limit.hit(request, form)
    if over is not None:
        logger.info("Post to %s from %s refused: over its rate limit", what, client_ip(request))
        form.add_error(None, forms.ValidationError(try_again_message(over), code="rate_limit"))
        response = render_form(form)
        response.status_code = 429
        response["Retry-After"] = str(over.retry_after())
        return response
    reason = form.spam_reason()
    if reason:
        logger.info("Post to %s from %s turned away: %s", what, client_ip(request), reason)
        return redirect(accepted_url)
    return None
