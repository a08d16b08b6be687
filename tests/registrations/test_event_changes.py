"""Event changes reach the people registered: postponement, cancellation, and a place an
organiser cancels, each by email with the person's calendar entry updated or cancelled."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from outbox.models import OutgoingEmail
from registrations import places
from registrations.models import Registration
from tests.registrations.factories import RegistrationFactory


def calendar_entry(message):
    [attachment] = message.attachments
    calendar = Calendar.from_ical(attachment["content"])
    [entry] = calendar.walk("VEVENT")
    return calendar, entry


def emails_to(person):
    return list(OutgoingEmail.objects.filter(recipient=person.email).order_by("pk"))


def test_postponing_closes_registration_and_shows_the_note(client, event, answers):
    event.status = "postponed"
    event.status_note = "A new date will be announced in the spring."
    event.save_revision().publish()

    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert soup.find("form", id="registration-form") is None
    assert "A new date will be announced in the spring." in soup.get_text()
    assert "Registration is closed while the event is postponed" in soup.get_text()
    assert "Add to Google Calendar" not in soup.get_text()

    response = client.post(reverse("registrations:register", args=[event.pk]), answers)
    assert response.status_code == 302
    assert not Registration.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_postponing_emails_the_note_to_everyone_registered_or_waiting(event):
    coming = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waiting")
    RegistrationFactory(event=event, status="cancelled")
    first_copy = coming.event.sequence

    event.status = "postponed"
    event.status_note = "A new date will be announced in the spring."
    event.save_revision().publish()

    assert OutgoingEmail.objects.count() == 2
    [to_coming] = emails_to(coming)
    assert to_coming.subject == "Postponed: Spring meeting"
    assert "A new date will be announced in the spring." in to_coming.text_body
    assert "A new date will be announced in the spring." in to_coming.html_body
    calendar, entry = calendar_entry(to_coming)
    assert calendar["METHOD"] == "PUBLISH"
    assert entry["UID"] == str(event.translation_key)
    assert entry["STATUS"] == "TENTATIVE"
    assert entry["SEQUENCE"] > first_copy
    assert to_coming.attachments[0]["mimetype"] == "text/calendar; method=PUBLISH"

    [to_waiting] = emails_to(waiting)
    assert to_waiting.subject == "Postponed: Spring meeting"
    assert "A new date will be announced in the spring." in to_waiting.text_body
    assert "still on the waiting list" in to_waiting.text_body
    assert to_waiting.attachments == []  # no entry in their calendar to update


def test_a_cancelled_event_email_has_no_cancel_link_and_no_joining_details(event):
    coming = RegistrationFactory(event=event)
    waiting = RegistrationFactory(event=event, status="waiting")

    event.status = "cancelled"
    event.status_note = "The speaker is unwell."
    event.save_revision().publish()

    for person in (coming, waiting):
        [message] = emails_to(person)
        assert message.subject == "Cancelled: Spring meeting"
        for body in (message.text_body, message.html_body):
            assert "has been cancelled" in body
            assert "The speaker is unwell." in body
            assert "/registrations/cancel/" not in body
            assert "Can no longer come" not in body
            assert "secret-room" not in body
            assert "424242" not in body
    [message] = emails_to(coming)
    calendar, entry = calendar_entry(message)
    assert calendar["METHOD"] == "CANCEL"
    assert entry["STATUS"] == "CANCELLED"
    assert entry["UID"] == str(event.translation_key)
    assert "secret-room" not in message.attachments[0]["content"]


def test_an_organiser_cancelling_a_place_tells_the_person_and_cancels_their_calendar_entry(
    client, organiser, event
):
    event.places = 1
    event.save_revision().publish()
    holder = RegistrationFactory(event=event)
    first_waiting = RegistrationFactory(event=event, status="waiting")
    client.force_login(organiser)

    response = client.post(
        f"/admin/registrations/registration/edit/{holder.pk}/", {"status": "cancelled"}
    )

    assert response.status_code == 302
    holder.refresh_from_db(), first_waiting.refresh_from_db()
    assert (holder.status, first_waiting.status) == ("cancelled", "registered")
    [message] = emails_to(holder)
    assert message.subject == "Cancelled: your registration for Spring meeting"
    assert "The organisers have cancelled your place" in message.text_body
    assert "secret-room" not in message.text_body
    assert "/registrations/cancel/" not in message.text_body
    calendar, entry = calendar_entry(message)
    assert calendar["METHOD"] == "CANCEL"
    assert entry["STATUS"] == "CANCELLED"
    assert entry["UID"] == str(event.translation_key)
    assert entry["SEQUENCE"] > event.sequence  # outranks the copy they were sent
    [promoted] = emails_to(first_waiting)
    assert promoted.subject == "A place is now yours: Spring meeting"


def test_registering_again_after_a_cancellation_outranks_the_cancelled_entry(
    client, event, answers, time_machine
):
    time_machine.move_to(timezone.now())
    url = reverse("registrations:register", args=[event.pk])
    client.post(url, answers)
    registration = Registration.objects.get()
    places.confirm(registration)
    places.cancel(registration)
    time_machine.shift(timedelta(hours=1, minutes=1))  # the form emails an address hourly
    client.post(url, answers)
    places.confirm(registration)

    sequences = [
        calendar_entry(message)[1]["SEQUENCE"]
        for message in OutgoingEmail.objects.order_by("pk")
        if message.attachments
    ]
    assert len(sequences) == 3
    assert sequences[0] < sequences[1] < sequences[2]
