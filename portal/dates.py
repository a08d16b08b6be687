"""Dates as the group's readers mean them: in UK time, whatever the server's clock zone.

Events, closing dates and the demo's example dates all count days in Europe/London.
"""

from zoneinfo import ZoneInfo

from django.utils import timezone

UK_TIME = ZoneInfo("Europe/London")


def uk_today():
    """Today's date in the UK, e.g. a closing date is open until midnight UK time."""
    return timezone.now().astimezone(UK_TIME).date()
