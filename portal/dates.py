"""Dates as the group's readers mean them: in UK time, whatever the server's clock zone."""

from zoneinfo import ZoneInfo

from django.utils import timezone

UK_TIME = ZoneInfo("Europe/London")


def uk_today():
    """Today's date in the UK: closing dates are UK dates, open until midnight UK time."""
    return timezone.now().astimezone(UK_TIME).date()
