"""Registration emails read as plain text should: subjects unescaped, UK time said once."""

from outbox.models import OutgoingEmail
from registrations import emails
from tests.registrations.factories import RegistrationFactory


def test_subjects_are_plain_text_not_html_escaped(event):
    event.title = 'Slides & recording: <PICU> "outcomes"'
    event.save_revision().publish()
    registration = RegistrationFactory(event=event)

    emails.queue_confirmation(registration)
    emails.queue_reminder(registration)
    emails.queue_message(registration, "Parking & access", "Use the north entrance.")

    subjects = set(OutgoingEmail.objects.values_list("subject", flat=True))
    assert subjects == {
        'You are registered: Slides & recording: <PICU> "outcomes"',
        'Reminder: Slides & recording: <PICU> "outcomes" is coming up',
        "Parking & access",
    }


def test_the_time_says_uk_time_once(event):
    emails.queue_confirmation(RegistrationFactory(event=event))

    text = OutgoingEmail.objects.get().text_body
    [when] = [line for line in text.splitlines() if line.startswith("When: ")]
    assert when.count("UK time") == 1
    assert "(UK time)" not in text
