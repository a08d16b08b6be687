"""Giving out places: register, cancel, promote from the waiting list.

Every change to who holds a place first locks the event's row (SELECT ... FOR UPDATE), so
people registering at the same moment are counted one after another and an event is never
oversold. SQLite, which has no row locks, writes one transaction at a time anyway.
"""

from django.db import IntegrityError, transaction

from events.models import EventPage
from registrations import emails
from registrations.models import Registration


def _locked_event(event):
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def places_left(event):
    """Places still free, or None if the event has no limit."""
    if event.places is None:
        return None
    return max(event.places - event.registrations.holding_places().count(), 0)


def register(event, **details):
    """Save a registration, queue its email, and return (registration, created).

    An address already registered (or waiting) for this event changes nothing; it is told so
    by email, and the caller shows the same page as for anyone else.
    """
    email = details["email"]
    with transaction.atomic():
        event = _locked_event(event)
        existing = event.registrations.filter(email__iexact=email).first()
        if existing is not None and existing.status != Registration.Status.CANCELLED:
            emails.queue_already_registered(existing)
            return existing, False
        free = places_left(event)
        status = (
            Registration.Status.REGISTERED
            if free is None or free > 0
            else Registration.Status.WAITING
        )
        if existing is not None:  # cancelled earlier, registering again
            registration = existing
            for name, value in details.items():
                setattr(registration, name, value)
            registration.status = status
            # Their calendar may hold the cancellation: the new entry must outrank it.
            registration.calendar_changes += 1
            registration.calendar_sequence = event.sequence
            registration.registered_at = registration._meta.get_field("registered_at").default()
            registration.save()
        else:
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(
                        event=event, status=status, calendar_sequence=event.sequence, **details
                    )
            except IntegrityError:  # the same address in two browser tabs at once
                return event.registrations.get(email__iexact=email), False
        emails.queue_confirmation(registration)
    return registration, True


def promote_waiting(event):
    """Offer free places to the people waiting, first come first served; returns them."""
    with transaction.atomic():
        event = _locked_event(event)
        free = places_left(event)
        waiting = event.registrations.waiting()
        promoted = list(waiting if free is None else waiting[:free])
        for registration in promoted:
            registration.status = Registration.Status.REGISTERED
            registration.calendar_sequence = event.sequence
            registration.save(update_fields=["status", "calendar_sequence"])
            registration.event = event
            emails.queue_promoted(registration)
    return promoted


def cancel(registration, *, by_organiser=False):
    """Cancel a place (or a place in the queue) and give it to the first person waiting.

    The person is emailed either way, and a place's calendar entry is cancelled, so that
    someone whose place an organiser gave up is not left expecting to come.
    """
    with transaction.atomic():
        registration.event = _locked_event(registration.event)
        registration.refresh_from_db(fields=["status", "calendar_changes"])
        if registration.status == Registration.Status.CANCELLED:
            return False
        had_place = registration.holds_place
        registration.status = Registration.Status.CANCELLED
        registration.calendar_changes += 1
        registration.save(update_fields=["status", "calendar_changes"])
        emails.queue_cancelled(registration, had_place=had_place, by_organiser=by_organiser)
        promote_waiting(registration.event)
    return True
