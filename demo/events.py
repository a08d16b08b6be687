"""Demo content for events: the group's meetings page and a year of example events.

The page's introduction is the group's own text about meetings. The events are invented for
the demonstration, so each says it is an example in its title and summary; their dates are
worked out from the day the content is loaded (a few past, most upcoming), so the site always
has something to show. Like the rest of the demo, nothing is duplicated or overwritten: the
example events are added only when the events page is first created.
"""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils.html import format_html, format_html_join
from wagtail.rich_text import RichText

from demo.helpers import paragraph, publish_child
from events.models import EventIndexPage, EventPage, EventType
from portal.dates import UK_TIME, uk_today

EXAMPLE_SUMMARY = (
    "Example event for the demonstration site, not a real {what}: replace or delete it."
)
EXAMPLE_VENUE = "Example venue (not a real venue)"
EXAMPLE_ADDRESS = "Example street\nExample town"
EXAMPLE_JOINING = "Example: the joining link is emailed to members the week before."
EXAMPLE_AGENDA = [
    "Welcome and introductions",
    "Updates from members",
    "Discussion",
    "Any other business",
]
EXAMPLE_PROGRAMME = ["Welcome", "Talks", "Questions and discussion", "Close"]
TUESDAY = 1


def next_tuesday(day):
    return day + timedelta(days=(TUESDAY - day.weekday()) % 7)


def at(day, hour, minute=0):
    return datetime.combine(day, time(hour, minute), tzinfo=UK_TIME)


def quarterly_meetings(today):
    """Four quarterly meetings: one last quarter, three to come, on Tuesday afternoons."""
    meetings = []
    for offset in (-75, 15, 105, 195):
        day = next_tuesday(today + timedelta(days=offset))
        hybrid = offset == 105
        meetings.append(
            {
                "title": f"Group meeting, {day:%B %Y} (example)",
                "slug": f"group-meeting-{day:%Y-%m}",
                "type": "meeting",
                "summary": EXAMPLE_SUMMARY.format(what="meeting")
                + " The group's quarterly meeting.",
                "start": at(day, 14),
                "end": at(day, 16),
                "format": EventPage.Format.HYBRID if hybrid else EventPage.Format.ONLINE,
                "venue_name": EXAMPLE_VENUE if hybrid else "",
                "venue_address": EXAMPLE_ADDRESS if hybrid else "",
                "joining_details": EXAMPLE_JOINING,
            }
        )
    return meetings


def educational_events(today):
    webinar_day = next_tuesday(today - timedelta(days=30))
    study_day = next_tuesday(today + timedelta(days=60)) + timedelta(days=1)
    workshop_day = next_tuesday(today + timedelta(days=130)) + timedelta(days=2)
    return [
        {
            "title": "Implementation science in practice: webinar (example)",
            "slug": "example-webinar",
            "type": "webinar",
            "summary": EXAMPLE_SUMMARY.format(what="webinar")
            + " A one-hour lunchtime talk with questions.",
            "start": at(webinar_day, 12, 30),
            "end": at(webinar_day, 13, 30),
            "format": EventPage.Format.ONLINE,
            "joining_details": EXAMPLE_JOINING,
            "cpd_hours": 1,
        },
        {
            "title": "Study day (example)",
            "slug": "example-study-day",
            "type": "educational-event",
            "summary": EXAMPLE_SUMMARY.format(what="study day")
            + " A day of talks and discussion for the paediatric critical care community.",
            "start": at(study_day, 9),
            "end": at(study_day, 17),
            "all_day": True,
            "format": EventPage.Format.IN_PERSON,
            "venue_name": EXAMPLE_VENUE,
            "venue_address": EXAMPLE_ADDRESS,
            "registration_url": "https://example.org/register",
            "registration_deadline": at(study_day - timedelta(days=14), 17),
            "cpd_hours": 6,
        },
        {
            "title": "Workshop: planning an implementation project (example)",
            "slug": "example-workshop",
            "type": "workshop",
            "summary": EXAMPLE_SUMMARY.format(what="workshop")
            + " A practical morning for teams starting an implementation project.",
            "start": at(workshop_day, 9, 30),
            "end": at(workshop_day, 12, 30),
            "format": EventPage.Format.HYBRID,
            "venue_name": EXAMPLE_VENUE,
            "venue_address": EXAMPLE_ADDRESS,
            "joining_details": EXAMPLE_JOINING,
        },
    ]


def registration_example(today):
    """An online masterclass people register for on the portal, to try the whole journey."""
    day = next_tuesday(today + timedelta(days=40)) + timedelta(days=1)
    return {
        "title": "Masterclass with registration on this site (example)",
        "slug": "example-masterclass-registration",
        "type": "educational-event",
        "summary": EXAMPLE_SUMMARY.format(what="masterclass")
        + " Try registering: places, the waiting list and the emails all work.",
        "start": at(day, 15),
        "end": at(day, 16, 30),
        "format": EventPage.Format.ONLINE,
        "joining_details": "Example: the joining link is emailed to registered people.",
        "registration": EventPage.RegistrationMode.PORTAL,
        "places": 30,
        "registration_deadline": at(day - timedelta(days=1), 17),
        "private_joining_link": "https://example.org/join-example-masterclass",
        "private_joining_instructions": "Example: passcode 000000 (not a real meeting).",
        "cpd_hours": Decimal("1.5"),
    }


def example_body(event_type):
    """An example agenda or programme, so editors see how a body reads."""
    if event_type.is_group_meeting:
        heading, items = "Agenda (example)", EXAMPLE_AGENDA
    else:
        heading, items = "Programme (example)", EXAMPLE_PROGRAMME
    return [
        ("heading", {"text": heading, "level": "h2"}),
        (
            "paragraph",
            RichText(
                format_html(
                    "<ol>{}</ol>", format_html_join("", "<li>{}</li>", ((item,) for item in items))
                )
            ),
        ),
    ]


def build_events(home, text, today: date | None = None):
    """The events page with the group's meetings text, and example events when it is new."""
    index, created = publish_child(
        home,
        EventIndexPage(
            title="Events",
            slug="events",
            show_in_menus=True,
            intro=str(paragraph(text.meetings)),
            search_description=text.meetings,
        ),
    )
    if not created:
        return index

    today = today or uk_today()
    event_types = {event_type.slug: event_type for event_type in EventType.objects.all()}
    examples = [*quarterly_meetings(today), *educational_events(today), registration_example(today)]
    for details in examples:
        details = dict(details)
        event_type = event_types[details.pop("type")]
        publish_child(
            index,
            EventPage(
                **details,
                event_type=event_type,
                body=example_body(event_type),
            ),
        )
    return index
