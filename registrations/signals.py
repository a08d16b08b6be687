"""What publishing an event means for the people registered: updates, new materials, and
freed places."""

from django.db import transaction
from wagtail.signals import page_published

from events.models import EventPage
from registrations import emails, materials, places
from registrations.models import Registration


def tell_registered_people(sender, instance, **kwargs):
    """Email everyone registered or waiting whose copy is older than the published one, with
    a new calendar entry for those holding a place.

    The event's SEQUENCE only goes up when a published change moves the time, place or joining
    details, or the status, so this sends once per such change and never for a new comma.
    """
    event = instance
    with transaction.atomic():
        behind = event.registrations.filter(
            status__in=(Registration.Status.REGISTERED, Registration.Status.WAITING),
            calendar_sequence__lt=event.sequence,
        ).select_for_update()
        for registration in behind:
            registration.event = event
            emails.queue_event_changed(registration)
            registration.calendar_sequence = event.sequence
            registration.save(update_fields=["calendar_sequence"])
        # Not once it is over: publishing slides afterwards must offer no one a place.
        if (
            event.shows_registration_form
            and not (event.is_cancelled or event.is_postponed)
            and not event.has_ended()
        ):
            places.promote_waiting(event)
    materials.tell_about_new_materials(event)


page_published.connect(tell_registered_people, sender=EventPage)
