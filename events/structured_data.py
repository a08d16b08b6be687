"""schema.org Event data for search engines and assistants, as JSON-LD."""

from events.dates import all_day_dates, uk

SCHEMA = "https://schema.org/"
EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "postponed": "EventPostponed",
    "cancelled": "EventCancelled",
}
ATTENDANCE_MODE = {
    "in_person": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
}


def _place(event):
    return {
        "@type": "Place",
        "name": event.venue_name,
        "address": ", ".join(event.venue_lines),
    }


def _virtual_location(event, url):
    # Without a public joining link the event page, which says how to join, stands in.
    return {"@type": "VirtualLocation", "url": event.joining_link or url}


def event_structured_data(event, request=None, *, organiser_name=""):
    """A schema.org Event; dates carry their UK offset, all-day events plain dates."""
    url = event.get_full_url(request)
    if event.all_day:
        first_day, last_day = all_day_dates(event.start, event.end)
        start, end = first_day.isoformat(), last_day.isoformat()
    else:
        start, end = uk(event.start).isoformat(), uk(event.end).isoformat()

    locations = []
    if event.has_venue:
        locations.append(_place(event))
    if event.is_online:
        locations.append(_virtual_location(event, url))

    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "startDate": start,
        "endDate": end,
        "eventStatus": SCHEMA + EVENT_STATUS[event.status],
        "eventAttendanceMode": SCHEMA + ATTENDANCE_MODE[event.format],
        "location": locations[0] if len(locations) == 1 else locations,
    }
    if organiser_name:
        _site_id, root_url, _path = event.get_url_parts(request)
        data["organizer"] = {"@type": "Organization", "name": organiser_name, "url": root_url + "/"}
    return data
