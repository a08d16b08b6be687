"""Giving out places: ask for one, confirm the address, cancel, promote from the waiting list.

Every change to who holds a place first locks the event's row (SELECT ... FOR UPDATE), so
people registering at the same moment are counted one after another and an event is never
oversold. SQLite, which has no row locks, writes one transaction at a time anyway.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from events.models import EventPage
from registrations import emails
from registrations.models import Registration

# The registration form emails one address at most this often, however often it is posted.
FORM_EMAIL_INTERVAL = timedelta(hours=1)


def _locked_event(event):
    return EventPage.objects.select_for_update(of=("self",)).get(pk=event.pk)


def places_left(event):
    """Places still free, or None if the event has no limit."""
    if event.places is None:
        return None
    return max(event.places - event.registrations.holding_places().count(), 0)


def request_place(event, **details):
    """Record what the form was given and email the address's owner; returns the registration.

    No place is held until the owner follows the emailed link (`confirm`), so a post tells the
    visitor nothing about others: the page after it, and the places left, are the same whether
    or not the address was already registered. The email to an address not yet confirmed names
    no answer from the form (anyone may type any name), and the form emails one address at most
    once an hour (`FORM_EMAIL_INTERVAL`), so it cannot carry a sender's words to a stranger or
    flood an inbox. An address already registered (or waiting) changes nothing.
    """
    email = details["email"]
    now = timezone.now()
    with transaction.atomic():
        event = _locked_event(event)
        registration = event.registrations.filter(email__iexact=email).first()
        if registration is not None and registration.status not in (
            Registration.Status.UNCONFIRMED,
            Registration.Status.CANCELLED,
        ):
            recently = Registration.objects.filter(
                email__iexact=email, form_email_sent_at__gt=now - FORM_EMAIL_INTERVAL
            )
            if not recently.exists():
                registration.form_email_sent_at = now
                registration.save(update_fields=["form_email_sent_at"])
                emails.queue_already_registered(registration)
            return registration
        if registration is None:
            try:
                with transaction.atomic():
                    registration = Registration.objects.create(
                        event=event,
                        status=Registration.Status.UNCONFIRMED,
                        calendar_sequence=event.sequence,
                        **details,
                    )
            except IntegrityError:  # the same address in two browser tabs at once
                return event.registrations.get(email__iexact=email)
        else:  # waiting for confirmation, or cancelled earlier and asking again
            if registration.status == Registration.Status.CANCELLED:
                # Their calendar may hold the cancellation: a new entry must outrank it.
                registration.calendar_changes += 1
            for name, value in details.items():
                setattr(registration, name, value)
            registration.status = Registration.Status.UNCONFIRMED
        recently_emailed = (
            registration.form_email_sent_at is not None
            and now - registration.form_email_sent_at < FORM_EMAIL_INTERVAL
        )
        if not recently_emailed:
            registration.form_email_sent_at = now
            emails.queue_confirm_address(registration)
        registration.save()
    return registration


def confirm(registration):
    """The address's owner followed the link: give a place, or one on the waiting list.

    Returns True if this confirmed it; False if it was no longer waiting for confirmation or
    registration has closed since.
    """
    with transaction.atomic():
        event = _locked_event(registration.event)
        registration.refresh_from_db()
        registration.event = event
        if registration.status != Registration.Status.UNCONFIRMED or not (
            event.registration_is_open
        ):
            return False
        free = places_left(event)
        registration.status = (
            Registration.Status.REGISTERED
            if free is None or free > 0
            else Registration.Status.WAITING
        )
        # The queue is in the order people confirmed.
        registration.registered_at = timezone.now()
        registration.calendar_sequence = event.sequence
        registration.save()
        emails.queue_confirmation(registration)
    return True


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
