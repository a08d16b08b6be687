"""The public registration form: places left, errors, confirmation, duplicates, waiting list."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutgoingEmail
from registrations.models import Registration
from registrations.views import REGISTRATION_RATE_LIMIT
from tests.registrations.factories import RegistrationFactory


def register(client, event, answers, capture=None):
    url = reverse("registrations:register", args=[event.pk])
    if capture is None:
        return client.post(url, answers)
    with capture(execute=True):
        return client.post(url, answers)


def confirm(client, message_text, capture=None):
    """Follow the confirmation link in an email and press its button."""
    [link] = [line for line in message_text.splitlines() if "/registrations/confirm/" in line]
    path = link.strip().removeprefix("http://testserver")
    assert "Confirm my registration" in client.get(path).content.decode()
    if capture is None:
        return client.post(path)
    with capture(execute=True):
        return client.post(path)


def test_event_page_shows_the_form_and_places_left(client, event):
    RegistrationFactory.create_batch(3, event=event)

    soup = BeautifulSoup(client.get(event.url).content, "html.parser")

    form = soup.find("form", id="registration-form")
    assert form["action"] == f"/registrations/{event.pk}/"
    assert form.find("input", {"name": "csrfmiddlewaretoken"})["value"]
    assert "17 places left." in soup.find(class_="registration__places").get_text()
    assert soup.find("a", string="privacy notice")["href"] == "/privacy/"
    assert form.find("button").get_text() == "Register"
    assert event.shows_registration_form


def test_private_joining_details_never_appear_publicly(client, event):
    page = client.get(event.url).content.decode()
    calendar = client.get(event.url + "ics/").content.decode()
    feed = client.get("/events/feed.ics")

    for text in (page, calendar, feed.content.decode()):
        assert "secret-room" not in text
        assert "424242" not in text


def test_registering_gives_a_place_once_the_address_is_confirmed_and_emails_the_details(
    client, event, answers, django_capture_on_commit_callbacks, smtp_server
):
    response = register(client, event, answers, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == f"/registrations/{event.pk}/done/"
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.UNCONFIRMED
    [request] = smtp_server.to("alex@example.org")
    assert request["Subject"] == "Confirm your registration: Spring meeting"
    assert "Check your email" in client.get(response["Location"]).content.decode()

    page = confirm(client, request.part("text/plain"), django_capture_on_commit_callbacks)

    assert "You have a place" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.REGISTERED
    assert registration.email == "alex@example.org"
    assert registration.needs == "Vegetarian lunch"
    assert registration.privacy_notice_version.startswith("Privacy notice (/privacy/)")
    [_, message] = smtp_server.to("alex@example.org")
    assert message["Subject"] == "You are registered: Spring meeting"
    text = message.part("text/plain")
    assert "https://meet.example.org/secret-room" in text
    assert "Passcode 424242." in text
    assert "/registrations/cancel/" in text
    calendar = message.part("text/calendar")
    assert str(event.translation_key) in calendar


def test_errors_are_summarised_and_nothing_is_saved(client, event, answers):
    answers.update(full_name="", email="not an address", consent="")

    response = register(client, event, answers)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text().startswith("Error: ")
    summary = [(a["href"], a.get_text()) for a in soup.select(".error-summary a")]
    assert summary == [
        ("#id_full_name", "Enter your full name"),
        ("#id_email", "Enter an email address in the correct format, like name@example.com"),
        ("#id_consent", "Confirm that you agree to your details being stored to manage your place"),
    ]
    assert soup.find("input", {"name": "role"})["value"] == answers["role"]
    assert not Registration.objects.exists()


def test_the_same_address_twice_changes_nothing_and_the_page_says_the_same(
    client, event, answers, django_capture_on_commit_callbacks, time_machine
):
    time_machine.move_to(timezone.now())
    first = register(client, event, answers, django_capture_on_commit_callbacks)
    confirm(client, OutgoingEmail.objects.get().text_body)
    time_machine.shift(timedelta(minutes=61))  # the form emails an address at most hourly
    answers.update(full_name="Someone Else", email="alex@example.org ")
    second = register(client, event, answers, django_capture_on_commit_callbacks)

    assert first["Location"] == second["Location"]
    registration = Registration.objects.get()
    assert registration.full_name == "Alex Example"
    subjects = list(OutgoingEmail.objects.order_by("pk").values_list("recipient", "subject"))
    assert subjects == [
        ("alex@example.org", "Confirm your registration: Spring meeting"),
        ("alex@example.org", "You are registered: Spring meeting"),
        ("alex@example.org", "Your registration for Spring meeting"),
    ]


def test_a_full_event_offers_the_waiting_list(client, event, answers):
    event.places = 2
    event.save_revision().publish()
    RegistrationFactory.create_batch(2, event=event)

    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    assert "This event is full." in soup.find(class_="registration__full").get_text()
    assert soup.find("form", id="registration-form").find("button").get_text() == (
        "Join the waiting list"
    )

    register(client, event, answers)
    confirm(client, OutgoingEmail.objects.get().text_body)
    assert Registration.objects.get(email="alex@example.org").status == "waiting"
    assert OutgoingEmail.objects.last().subject == "You are on the waiting list: Spring meeting"


def test_cancelling_gives_the_place_to_the_first_person_waiting(
    client, event, django_capture_on_commit_callbacks
):
    from registrations.tokens import cancel_url

    event.places = 1
    event.save_revision().publish()
    holder = RegistrationFactory(event=event)
    first = RegistrationFactory(event=event, status="waiting")
    second = RegistrationFactory(event=event, status="waiting")

    link = cancel_url(holder).removeprefix("http://testserver")
    assert "Cancel my registration" in client.get(link).content.decode()
    response = client.post(link)

    assert "Your registration is cancelled" in response.content.decode()
    holder.refresh_from_db(), first.refresh_from_db(), second.refresh_from_db()
    assert (holder.status, first.status, second.status) == ("cancelled", "registered", "waiting")
    assert OutgoingEmail.objects.filter(
        recipient=first.email, subject="A place is now yours: Spring meeting"
    ).exists()
    assert client.post(link).status_code == 200  # twice does no harm
    assert Registration.objects.filter(status="registered").count() == 1


def test_raising_the_places_promotes_people_waiting_in_order(event):
    event.places = 1
    event.save_revision().publish()
    RegistrationFactory(event=event)
    waiting = RegistrationFactory.create_batch(3, event=event, status="waiting")

    event.places = 3
    event.save_revision().publish()

    statuses = [Registration.objects.get(pk=r.pk).status for r in waiting]
    assert statuses == ["registered", "registered", "waiting"]


def test_a_tampered_cancel_link_says_it_does_not_work(client, event):
    registration = RegistrationFactory(event=event)
    from registrations.tokens import cancel_url

    link = cancel_url(registration).removeprefix("http://testserver")
    response = client.get(link[:-3] + "abc/")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_bots_are_turned_away_quietly(client, event, answers):
    answers["website"] = "https://spam.example"

    response = register(client, event, answers)

    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_closed_registration_shows_no_form(client, event, answers, time_machine):
    time_machine.move_to(event.end)

    page = client.get(event.url).content.decode()
    response = register(client, event, answers)

    assert "Registration has closed." in page
    assert 'id="registration-form"' not in page
    assert response.status_code == 302
    assert not Registration.objects.exists()


def test_events_without_portal_registration_refuse_posts(client, events_index, answers):
    from tests.events.factories import EventPageFactory

    other = EventPageFactory(parent=events_index, registration_url="https://example.org/book")

    assert other.registration == "external"
    assert not other.shows_registration_form
    assert register(client, other, answers).status_code == 404


def test_colleagues_behind_one_hospital_address_can_each_register(client, event, answers):
    event.places = 30
    event.save_revision().publish()

    statuses = [
        register(client, event, answers | {"email": f"nurse{n}@nhs.example"}).status_code
        for n in range(15)
    ]

    assert statuses == [302] * 15
    assert Registration.objects.count() == 15


def test_a_refused_post_keeps_what_was_typed_and_says_when_to_try_again(client, event, answers):
    answers["consent"] = ""
    for _ in range(REGISTRATION_RATE_LIMIT.limit):
        assert register(client, event, answers).status_code == 200

    response = register(client, event, answers | {"needs": "Step-free access"})

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    soup = BeautifulSoup(response.content, "html.parser")
    assert "please send them again after" in soup.find(class_="error-summary").get_text()
    assert soup.find("textarea", {"name": "needs"}).get_text().strip() == "Step-free access"
    assert not Registration.objects.exists()
