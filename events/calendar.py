"""Calendar entries for events: RFC 5545 files and feeds, and add-to-calendar links.

The same functions serve the per-event download, the subscription feed and any email that
attaches an event (`calendar_for([event]).to_ical()`), so every calendar sees the same UID,
SEQUENCE and times. Timed events are written in UTC, which every client converts correctly
without a VTIMEZONE; all-day events are written as dates, as RFC 5545 asks.
"""

from datetime import UTC, timedelta
from urllib.parse import urlencode

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.dates import all_day_dates

PRODID = "-//Implementation Group portal//Events//EN"
CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often subscribed calendar apps should fetch the feed again.
FEED_REFRESH = timedelta(hours=6)

ICAL_STATUS = {"scheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def calendar_title(event, *, cancelled=False):
    """The entry's title; the status is in it too, for apps that ignore STATUS."""
    if event.is_cancelled or cancelled:
        return f"Cancelled: {event.title}"
    if event.is_postponed:
        return f"Postponed: {event.title}"
    return event.title


def calendar_description(event, url):
    parts = [event.summary]
    if event.status_note and (event.is_cancelled or event.is_postponed):
        parts.append(event.status_note)
    if event.is_online and event.joining_details and not event.is_cancelled:
        parts.append(f"How to join online: {event.joining_details}")
    if event.booking_url:
        parts.append(f"Registration: {event.booking_url}")
    parts.append(f"Times are UK time. Details: {url}")
    return "\n\n".join(parts)


def _utc(moment):
    return moment.astimezone(UTC)


def calendar_span(event):
    """DTSTART and DTEND values: UTC datetimes, or dates with an exclusive end for all-day."""
    if event.all_day:
        first_day, last_day = all_day_dates(event.start, event.end)
        return first_day, last_day + timedelta(days=1)
    return _utc(event.start), _utc(event.end)


def event_to_ical(event, request=None, *, dtstamp=None, sequence=None, cancelled=False):
    """One VEVENT for `event`. Full URLs come from the request's site, or the page's own site.

    `dtstamp` defaults to when the event was last changed, as RFC 5545 asks for calendars that
    carry no METHOD; pass the time of sending when attaching to a METHOD:PUBLISH email.
    `sequence` and `cancelled` serve one person's copy: their own SEQUENCE, and their place
    cancelled while the event goes ahead (see `calendar_attachment`).
    """
    url = event.get_full_url(request)
    start, end = calendar_span(event)
    entry = CalendarEvent()
    # The page's translation key is a UUID that never changes, even if the page moves.
    entry.add("uid", str(event.translation_key))
    entry.add(
        "dtstamp",
        _utc(dtstamp or event.last_modified or event.last_published_at or timezone.now()),
    )
    entry.add("dtstart", start)
    entry.add("dtend", end)
    entry.add("summary", calendar_title(event, cancelled=cancelled))
    entry.add("description", calendar_description(event, url))
    if event.location:
        entry.add("location", event.location)
    entry.add("url", url)
    entry.add("status", "CANCELLED" if cancelled else ICAL_STATUS[event.status])
    entry.add("sequence", event.sequence if sequence is None else sequence)
    if event.last_modified:
        entry.add("last-modified", _utc(event.last_modified))
    entry.add("categories", [event.event_type.name])
    return entry


def calendar_for(
    events, request=None, *, name=None, description=None, method=None, **entry_options
):
    """A VCALENDAR holding `events`; with a name it is a feed apps can subscribe to.

    `entry_options` (`sequence`, `cancelled`) go to `event_to_ical` for one person's copy.
    """
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("refresh-interval", FEED_REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", FEED_REFRESH)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    dtstamp = timezone.now() if method else None
    for event in events:
        calendar.add_component(event_to_ical(event, request, dtstamp=dtstamp, **entry_options))
    return calendar


def calendar_attachment(event, *, sequence=None, cancelled=False):
    """The event as a calendar file attached to an email (an outbox attachment), as RFC 5546
    asks.

    It has the event's UID, so it replaces the entry the reader already has; for one registered
    person, their own `sequence`, higher than their last copy, so their calendar app takes it;
    and METHOD:CANCEL with STATUS:CANCELLED when the event (or their place: `cancelled`) is
    cancelled, else METHOD:PUBLISH with the event's status (TENTATIVE while it is postponed).
    """
    cancelled = cancelled or event.is_cancelled
    method = "CANCEL" if cancelled else "PUBLISH"
    calendar = calendar_for([event], method=method, sequence=sequence, cancelled=cancelled)
    return {
        "filename": f"{event.slug}.ics",
        "content": calendar.to_ical().decode(),
        "mimetype": f"text/calendar; method={method}",
    }


def calendar_response(calendar, *, filename=None):
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _google_dates(event):
    start, end = calendar_span(event)
    if event.all_day:
        return f"{start:%Y%m%d}/{end:%Y%m%d}"
    return f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"


def google_calendar_url(event, request=None):
    """A link that opens Google Calendar with the event filled in: no script, no account data."""
    query = {
        "action": "TEMPLATE",
        "text": calendar_title(event),
        "dates": _google_dates(event),
        "details": calendar_description(event, event.get_full_url(request)),
        "location": event.location,
    }
    return "https://calendar.google.com/calendar/render?" + urlencode(query)


def outlook_calendar_url(event, request=None):
    """A link that opens a new Outlook (Microsoft 365) calendar entry with the event filled in."""
    start, end = calendar_span(event)
    query = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": calendar_title(event),
        "startdt": start.isoformat().replace("+00:00", "Z"),
        "enddt": end.isoformat().replace("+00:00", "Z"),
        "allday": "true" if event.all_day else "false",
        "body": calendar_description(event, event.get_full_url(request)),
        "location": event.location,
    }
    return "https://outlook.office.com/calendar/deeplink/compose?" + urlencode(query)
