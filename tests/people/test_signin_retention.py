"""Retention: sign-in records go after SIGNIN_RECORD_RETENTION_DAYS, expired sessions at once."""

from datetime import timedelta
from io import StringIO

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone


def record(model, days_ago, **fields):
    made = model.objects.create(
        username="editor", ip_address="192.0.2.1", user_agent=f"Firefox {days_ago}", **fields
    )
    # attempt_time is set on creation; move it back as time would have.
    model.objects.filter(pk=made.pk).update(attempt_time=timezone.now() - timedelta(days=days_ago))
    return made


def attempt(days_ago):
    return record(AccessAttempt, days_ago, failures_since_start=1)


def session(expires_in):
    store = SessionStore()
    store["who"] = "someone"
    store.set_expiry(expires_in)
    store.create()
    return store.session_key


def test_sign_in_records_are_deleted_after_ninety_days(db):
    old = [record(AccessLog, 91), record(AccessFailureLog, 91), attempt(91)]
    kept = [record(AccessLog, 89), record(AccessFailureLog, 89), attempt(89)]

    out = StringIO()
    call_command("purge_expired_data", stdout=out)

    assert "Admin sign-ins and failed sign-ins (username, address, browser, time): 3 deleted." in (
        out.getvalue()
    )
    for made in old:
        assert not type(made).objects.filter(pk=made.pk).exists()
    for made in kept:
        assert type(made).objects.filter(pk=made.pk).exists()


def test_failures_still_pausing_sign_in_are_kept_whatever_the_period(db, settings):
    settings.SIGNIN_RECORD_RETENTION_DAYS = 0
    counting = attempt(0)

    call_command("purge_expired_data", stdout=StringIO())

    assert AccessAttempt.objects.filter(pk=counting.pk).exists()


def test_expired_sessions_are_deleted_and_live_ones_kept(db):
    expired = session(-60)
    live = session(60 * 60)

    call_command("purge_expired_data", stdout=StringIO())

    assert list(Session.objects.values_list("session_key", flat=True)) == [live]
    assert expired != live
