"""Reminders the day before, and emails with a calendar update when a published event changes."""

from datetime import timedelta

from django.core.management import call_command

from outbox.models import OutgoingEmail
from tests.registrations.factories import RegistrationFactory


def test_reminder_the_day_before_has_the_private_joining_link_and_goes_once(event, time_machine):
    coming = RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="waiting")
    RegistrationFactory(event=event, status="cancelled")

    time_machine.move_to(event.start - timedelta(hours=25))
    call_command("send_event_reminders")
    assert not OutgoingEmail.objects.exists()

    time_machine.move_to(event.start - timedelta(hours=23))
    call_command("send_event_reminders")
    call_command("send_event_reminders")

    [reminder] = OutgoingEmail.objects.all()
    assert reminder.recipient == coming.email
    assert reminder.subject == "Reminder: Spring meeting is coming up"
    assert "https://meet.example.org/secret-room" in reminder.text_body


def test_a_published_change_of_time_sends_a_calendar_update_with_a_higher_sequence(event):
    coming = RegistrationFactory(event=event)
    RegistrationFactory(event=event, status="cancelled")

    event.start += timedelta(hours=1)
    event.end += timedelta(hours=1)
    event.save_revision().publish()

    [update] = OutgoingEmail.objects.all()
    assert update.recipient == coming.email
    assert update.subject == "Changed: Spring meeting"
    calendar = update.attachments[0]["content"]
    assert str(event.translation_key) in calendar
    assert "SEQUENCE:1" in calendar

    event.summary = "A better summary."
    event.save_revision().publish()
    assert OutgoingEmail.objects.count() == 1  # words alone change no calendar


def test_cancelling_the_event_sends_a_cancellation(event):
    RegistrationFactory(event=event)

    event.status = "cancelled"
    event.save_revision().publish()

    [update] = OutgoingEmail.objects.all()
    assert update.subject == "Cancelled: Spring meeting"
    assert "METHOD:CANCEL" in update.attachments[0]["content"]
    assert "STATUS:CANCELLED" in update.attachments[0]["content"]
