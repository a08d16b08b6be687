"""The registration form tells no one anything about others: the same page and the same places
left whatever the address, no words of the sender's in an email to an address not yet
confirmed, and at most one email an address an hour however often the form is posted."""

from datetime import timedelta

from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from outbox.models import OutgoingEmail
from registrations import places
from registrations.models import Registration
from tests.registrations.factories import RegistrationFactory


def post(client, event, answers, n=0):
    # A fresh client address each time: the per-address post limit is not what is tested.
    return client.post(
        reverse("registrations:register", args=[event.pk]),
        answers,
        REMOTE_ADDR=f"203.0.113.{n % 250 + 1}",
        follow=True,
    )


def places_left_text(client, event):
    soup = BeautifulSoup(client.get(event.url).content, "html.parser")
    return soup.find(class_="registration__places").get_text()


def main_text(response):
    return BeautifulSoup(response.content, "html.parser").find("main").get_text()


def test_the_page_and_places_left_are_the_same_whether_or_not_the_address_is_registered(
    client, event, answers
):
    RegistrationFactory(event=event, email="alex@example.org", full_name="Alex Example")
    before = places_left_text(client, event)
    assert before == "19 places left."

    for_registered = post(client, event, answers)
    after_registered = places_left_text(client, event)
    answers["email"] = "new.person@example.org"
    for_new = post(client, event, answers, n=1)
    after_new = places_left_text(client, event)

    assert for_registered.status_code == for_new.status_code == 200
    assert main_text(for_registered) == main_text(for_new)
    assert before == after_registered == after_new
    # The new address holds nothing until its owner confirms it.
    assert Registration.objects.get(email="new.person@example.org").status == "unconfirmed"
    places.confirm(Registration.objects.get(email="new.person@example.org"))
    assert places_left_text(client, event) == "18 places left."


def test_an_email_to_an_unconfirmed_address_carries_nothing_the_sender_typed(
    client, event, answers
):
    answers.update(
        full_name="URGENT your account is locked https://evil.example/login",
        email="stranger@example.org",
        role="Call 0800 000 000 now",
        organisation="https://evil.example/pay",
        needs="Visit https://evil.example/more",
    )

    post(client, event, answers)

    [message] = OutgoingEmail.objects.filter(recipient="stranger@example.org")
    for part in (message.subject, message.text_body, message.html_body):
        assert "URGENT" not in part
        assert "evil.example" not in part
        assert "0800" not in part
    assert "/registrations/confirm/" in message.text_body


def test_an_address_gets_at_most_one_email_an_hour_however_often_the_form_is_posted(
    client, event, answers, time_machine
):
    time_machine.move_to(timezone.now())
    RegistrationFactory(event=event, email="alex@example.org")
    answers_for_stranger = {**answers, "email": "stranger@example.org"}

    for n in range(19):
        post(client, event, answers, n=n)
        post(client, event, answers_for_stranger, n=n + 100)

    def sent_to(address):
        return list(
            OutgoingEmail.objects.filter(recipient=address).values_list("subject", flat=True)
        )

    assert sent_to("alex@example.org") == ["Your registration for Spring meeting"]
    assert sent_to("stranger@example.org") == ["Confirm your registration: Spring meeting"]

    time_machine.shift(timedelta(minutes=61))
    post(client, event, answers, n=200)
    post(client, event, answers_for_stranger, n=201)
    assert len(sent_to("alex@example.org")) == 2
    assert len(sent_to("stranger@example.org")) == 2


def test_a_confirmation_link_opened_by_a_mail_scanner_holds_no_place(client, event, answers):
    post(client, event, answers)
    registration = Registration.objects.get()
    from registrations.tokens import confirm_url

    link = confirm_url(registration).removeprefix("http://testserver")
    page = client.get(link)

    assert "Alex Example" in page.content.decode()  # the owner sees what they confirm
    registration.refresh_from_db()
    assert registration.status == "unconfirmed"
    assert client.post(link).status_code == 200
    registration.refresh_from_db()
    assert registration.status == "registered"
