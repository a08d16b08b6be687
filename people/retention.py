"""Retention: how long each kind of personal data is kept, and the daily purge that keeps to it.

A model declares its rule as a class attribute (`retention = Retention(...)`, or a tuple of
them), as records of people do; data held by apps below `people` (the outbox, sign-in records,
sessions) is given a rule with `register()` from `PeopleConfig.ready()`.
`manage.py purge_expired_data` deletes what every rule says has expired, and the retention
table in docs/data-protection.md is checked against these rules by a test, so the privacy
notice's periods are the ones applied.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from outbox.models import OutgoingEmail


@dataclass(frozen=True)
class Retention:
    # What is kept, as the privacy notice names it.
    what: str
    # For how long, in the notice's words.
    kept_for: str
    # `expired(cutoff)`: the rows past their period when it ended at `cutoff` (a queryset, or
    # a list of them).
    expired: Callable
    # The setting holding the period in days; or a fixed number of `days`.
    setting: str = ""
    days: int | None = None

    def period(self):
        return timedelta(days=getattr(settings, self.setting) if self.setting else self.days)

    def expired_at(self, now=None):
        return self.expired((now or timezone.now()) - self.period())

    def purge(self, now=None):
        """Delete what has expired; records of people go with their emails and logs."""
        expired = self.expired_at(now)
        deleted = 0
        for rows in expired if isinstance(expired, list | tuple) else [expired]:
            deleted += rows.erase() if hasattr(rows, "erase") else rows.delete()[0]
        return deleted


_registered = []


def register(rule):
    _registered.append(rule)


def rules():
    """Every rule: those models declare, then those registered, each once."""
    declared = []
    for model in apps.get_models():
        rule = getattr(model, "retention", None)
        declared.extend(rule if isinstance(rule, tuple) else [rule] if rule else [])
    return [*declared, *(rule for rule in _registered if rule not in declared)]


def _expired_sign_in_records(cutoff):
    # Failures still counting towards a pause are kept whatever the period.
    counting_since = timezone.now() - settings.AXES_COOLOFF_TIME
    return [
        AccessAttempt.objects.filter(attempt_time__lt=min(cutoff, counting_since)),
        AccessFailureLog.objects.filter(attempt_time__lt=cutoff),
        AccessLog.objects.filter(attempt_time__lt=cutoff),
    ]


def register_foundation_rules():
    """Rules for data held below this app, which cannot declare them itself."""
    register(
        Retention(
            "Sent and failed emails (bodies, headers, attachments)",
            kept_for="90 days after sending or the last attempt",
            setting="EMAIL_RETENTION_DAYS",
            expired=OutgoingEmail.objects.finished_before,
        )
    )
    register(
        Retention(
            "Admin sign-ins and failed sign-ins (username, address, browser, time)",
            kept_for="90 days; failures still pausing sign-in until the pause ends",
            setting="SIGNIN_RECORD_RETENTION_DAYS",
            expired=_expired_sign_in_records,
        )
    )
    register(
        Retention(
            "Expired sessions (an admin session ends 12 hours after sign-in)",
            kept_for="until the next purge after expiry",
            days=0,
            expired=lambda cutoff: Session.objects.filter(expire_date__lt=cutoff),
        )
    )
