"""UK time for events: the instants an event starts and ends, and how people read them.

Every date and time about an event is entered and shown in Europe/London time, whatever time
zone a server or a request happens to use, so GMT and BST are always right.
"""

from datetime import datetime, time, timedelta

from django.utils import dateformat

from portal.dates import UK_TIME

DAY = "l j F Y"  # Tuesday 14 April 2026
DAY_WITHOUT_YEAR = "l j F"  # Tuesday 14 April
CLOCK = "H:i"  # 14:00


def uk(moment):
    """An aware datetime as UK wall-clock time."""
    return moment.astimezone(UK_TIME)


def start_of_uk_day(day):
    """The instant a UK calendar day begins (midnight exists every day in Europe/London)."""
    return datetime.combine(day, time.min, tzinfo=UK_TIME)


def twelve_months_after(moment):
    """The same UK date and time a year later (29 February gives 1 March)."""
    local = uk(moment)
    try:
        later = local.replace(year=local.year + 1)
    except ValueError:
        later = local.replace(year=local.year + 1, month=3, day=1)
    # Rebuild the time in UK time, so a year across a clock change keeps the wall-clock time.
    return datetime.combine(later.date(), later.time(), tzinfo=UK_TIME)


def all_day_dates(start, end):
    """The first and last UK calendar days of an all-day event, whatever times were typed."""
    return uk(start).date(), uk(end).date()


def event_ends_at(start, end, all_day):
    """When an event is over: its end time, or the end of its last UK day if it lasts all day."""
    if all_day:
        _, last_day = all_day_dates(start, end)
        return start_of_uk_day(last_day + timedelta(days=1))
    return end


def describe_when(start, end, all_day):
    """The date and time of an event as a person would say it, in UK time.

    - "Tuesday 14 April 2026, 14:00 to 16:00 UK time"
    - "Tuesday 14 April 2026, 09:00 to Wednesday 15 April 2026, 17:00 UK time"
    - "Tuesday 14 April 2026 (all day)"
    - "Tuesday 14 April to Thursday 16 April 2026 (all day)"
    """
    if all_day:
        first_day, last_day = all_day_dates(start, end)
        if first_day == last_day:
            return f"{dateformat.format(first_day, DAY)} (all day)"
        first_format = DAY_WITHOUT_YEAR if first_day.year == last_day.year else DAY
        return (
            f"{dateformat.format(first_day, first_format)} to "
            f"{dateformat.format(last_day, DAY)} (all day)"
        )

    local_start, local_end = uk(start), uk(end)
    starts = f"{dateformat.format(local_start, DAY)}, {dateformat.format(local_start, CLOCK)}"
    if local_end == local_start:
        return f"{starts} UK time"
    if local_end.date() == local_start.date():
        return f"{starts} to {dateformat.format(local_end, CLOCK)} UK time"
    return (
        f"{starts} to {dateformat.format(local_end, DAY)}, "
        f"{dateformat.format(local_end, CLOCK)} UK time"
    )


def describe_moment(moment):
    """A single date and time, e.g. a registration deadline: "Tuesday 7 April 2026, 17:00"."""
    local = uk(moment)
    return f"{dateformat.format(local, DAY)}, {dateformat.format(local, CLOCK)} UK time"
