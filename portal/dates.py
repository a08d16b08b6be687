"""Dates as the group's readers mean them: in UK time, whatever the server's clock zone.

Events, closing dates and the demo's example dates all count days in Europe/London.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

UK_TIME = ZoneInfo("Europe/London")


def uk_today():
    """Today's date in the UK, e.g. a closing date is open until midnight UK time."""
    return timezone.now().astimezone(UK_TIME).date()


def next_uk_midnight():
    """When the UK date next changes: open funding opportunities close then."""
    return datetime.combine(uk_today() + timedelta(days=1), time.min, tzinfo=UK_TIME)
