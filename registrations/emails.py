"""The emails attendees get: confirmation, waiting list, promotion, cancellation, reminders,
changes to the event, new materials (slides, recordings), and certificates. All are queued
through the outbox."""

from events.calendar import calendar_attachment
from outbox.mail import queue_email, render_email
from portal.models import SiteSettings
from registrations import tokens
from registrations.models import Registration


def _context(registration, **extra):
    event = registration.event
    site = event.get_site()
    site_settings = SiteSettings.for_site(site) if site else None
    going_ahead = not event.is_cancelled
    return {
        "registration": registration,
        "event": event,
        "event_url": event.get_full_url(),
        "group_name": site_settings.group_name if site_settings else "",
        "contact_email": site_settings.contact_email if site_settings else "",
        "cancel_url": tokens.cancel_url(registration),
        # Nothing to cancel, and nothing to join, once the event itself is cancelled.
        "can_cancel": going_ahead
        and not event.has_ended()
        and registration.status in (Registration.Status.REGISTERED, Registration.Status.WAITING),
        "show_joining": going_ahead and registration.holds_place and event.is_online,
        **extra,
    }


def _calendar_attachment(registration, *, cancelled=False):
    """This person's copy of the event's calendar entry."""
    return calendar_attachment(
        registration.event, sequence=registration.own_calendar_sequence, cancelled=cancelled
    )


def _queue(registration, template, *, calendar=None, **extra):
    context = _context(registration, **extra)
    queue_email(
        recipient=registration.email,
        reply_to=context["contact_email"],
        headers={"Auto-Submitted": "auto-generated"},
        attachments=[calendar] if calendar else None,
        about=registration,
        **render_email(f"registrations/email/{template}", context),
    )


def queue_confirmation(registration):
    if registration.holds_place:
        _queue(registration, "registered", calendar=_calendar_attachment(registration))
    else:
        _queue(registration, "waiting")


def queue_confirm_address(registration):
    """The link that turns a request into a place. The address is not yet known to be the
    sender's, so the email carries nothing typed into the form: no name, no answers."""
    _queue(
        registration,
        "confirm_address",
        confirm_url=tokens.confirm_url(registration),
    )


def queue_already_registered(registration):
    _queue(registration, "already_registered")


def queue_promoted(registration):
    _queue(registration, "promoted", calendar=_calendar_attachment(registration))


def queue_cancelled(registration, *, had_place, by_organiser=False):
    """Their place (or place in the queue) is cancelled; a place had its calendar entry too."""
    calendar = _calendar_attachment(registration, cancelled=True) if had_place else None
    _queue(
        registration, "cancelled", calendar=calendar, by_organiser=by_organiser, had_place=had_place
    )


def queue_reminder(registration):
    _queue(registration, "reminder")


def queue_event_changed(registration):
    """The changed event, with a calendar entry that replaces (or cancels) the one they have.

    People waiting for a place have no calendar entry, so they get the news without one.
    """
    calendar = _calendar_attachment(registration) if registration.holds_place else None
    _queue(registration, "event_changed", calendar=calendar)


def queue_materials_added(registration, new_materials):
    """What was added to the event's materials since they were last told, with their own link."""
    _queue(
        registration,
        "materials_added",
        new_materials=new_materials,
        materials_url=tokens.materials_url(registration),
        # Slides come after the event: no joining details to repeat.
        show_joining=False,
    )


def queue_message(registration, subject, message):
    """An organiser's message to everyone coming."""
    context = _context(registration, message=message, subject=subject)
    queue_email(
        recipient=registration.email,
        reply_to=context["contact_email"],
        about=registration,
        **render_email("registrations/email/organiser_message", context),
    )


def queue_feedback_request(registration):
    _queue(registration, "feedback_request", feedback_url=tokens.feedback_url(registration))


def queue_certificate(registration, certificate):
    _queue(
        registration,
        "certificate",
        certificate=certificate,
        download_url=tokens.certificate_download_url(certificate),
        verification_url=tokens.verification_url(certificate),
    )
