"""Factories for events: an events index and event pages under it."""

from datetime import timedelta

import factory
import wagtail_factories
from django.utils import timezone

from events.models import EventIndexPage, EventPage, EventType


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Events"
    slug = "events"
    intro = "<p>Meetings are held at least four times a year.</p>"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    """An online meeting a week from now, two hours long, unless a test says otherwise."""

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = factory.LazyAttribute(lambda event: f"What happens at {event.title}.")
    event_type = factory.LazyFunction(lambda: EventType.objects.get(slug="meeting"))
    start = factory.LazyFunction(
        lambda: timezone.now().replace(second=0, microsecond=0) + timedelta(days=7)
    )
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    format = EventPage.Format.ONLINE
    joining_details = "The joining link is emailed to members the week before."

    class Meta:
        model = EventPage
