"""Signing up: the form, double opt-in, and an answer that never says who is already on the list."""

import re

import pytest
from bs4 import BeautifulSoup

from notifications.models import Subscriber
from outbox.models import OutgoingEmail
from portal.antispam import sign_timestamp
from tests.notifications.factories import SubscriberFactory

SIGNUP_URL = "/notifications/"
CHECK_EMAIL_URL = "/notifications/check-your-email/"


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    """Post the form and run what happens after its transaction commits (sending mail)."""

    def post(data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(SIGNUP_URL, data)

    return post


def test_the_sign_up_page_asks_for_an_address_and_which_events(client, site_settings):
    response = client.get(SIGNUP_URL)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id="signup-form")
    assert form["action"] == SIGNUP_URL
    assert form.find("label", attrs={"for": "id_signup-email"}).get_text() == "Email address"
    legend = form.find("fieldset").find("legend").get_text()
    assert legend == "Which events do you want to hear about?"
    choices = [label.get_text() for label in form.find("fieldset").find_all("label")]
    assert choices == [
        "All meetings and educational events",
        "Group meetings only",
        "Educational events only",
    ]
    assert form.find("input", attrs={"name": "signup-interests", "value": "all"}).has_attr(
        "checked"
    )
    assert form.find("a", string="privacy notice")["href"] == "/privacy/"


def test_signing_up_stores_an_unconfirmed_subscriber_and_emails_a_confirmation_link(
    site_settings, answers, smtp_server, sign_up
):
    response = sign_up(answers)

    assert response.status_code == 302
    assert response["Location"] == CHECK_EMAIL_URL
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "sam.example@example.org"
    assert subscriber.name == "Sam Example"
    assert subscriber.interests == Subscriber.Interests.ALL
    assert subscriber.source == Subscriber.Source.FORM
    assert subscriber.state == Subscriber.State.PENDING
    assert not Subscriber.objects.confirmed().exists()

    [mail] = smtp_server.to("sam.example@example.org")
    assert mail["Subject"] == "Confirm you want emails about Implementation Group meetings"
    text = mail.part("text/plain")
    assert re.search(r"http://testserver/notifications/confirm/[^/\s]+/", text)
    assert "Sam Example" not in text  # nothing typed into the form is repeated
    assert mail["List-Unsubscribe"] is None  # not on the list yet


def test_the_check_your_email_page_answers_the_visitor(client, site_settings):
    response = client.get(CHECK_EMAIL_URL)

    assert response.status_code == 200
    assert "Check your email" in response.content.decode()


def test_signing_up_a_confirmed_address_changes_nothing_and_answers_the_same(
    client, site_settings, answers, smtp_server, sign_up
):
    confirmed = SubscriberFactory(
        email="sam.example@example.org", interests=Subscriber.Interests.GROUP_MEETINGS
    )
    new_answers = {**answers, "signup-email": "someone.new@example.org"}

    new_response = sign_up(new_answers)
    known_response = sign_up({**answers, "signup-interests": "educational"})

    assert known_response.status_code == new_response.status_code == 302
    assert known_response["Location"] == new_response["Location"]
    assert client.get(known_response["Location"]).content == client.get(CHECK_EMAIL_URL).content
    unchanged = Subscriber.objects.get(pk=confirmed.pk)
    assert unchanged.interests == Subscriber.Interests.GROUP_MEETINGS
    assert unchanged.confirmed_at == confirmed.confirmed_at
    assert unchanged.name == ""
    # The owner is told, and only the owner: a neutral note with a way out, no new link.
    [note] = smtp_server.to("sam.example@example.org")
    assert note["Subject"] == "You are already on the Implementation Group meetings list"
    assert "/notifications/confirm/" not in note.part("text/plain")
    assert (
        note["List-Unsubscribe"].strip().startswith("<http://testserver/notifications/unsubscribe/")
    )


def test_signing_up_again_before_confirming_keeps_the_latest_choice(
    client, site_settings, answers, smtp_server, sign_up, clock
):
    sign_up(answers)
    clock.shift(60 * 60)

    sign_up(
        {**answers, "signup-interests": "educational", "signup-email": "SAM.example@example.org"}
    )

    subscriber = Subscriber.objects.get()
    assert subscriber.interests == Subscriber.Interests.EDUCATIONAL
    assert subscriber.state == Subscriber.State.PENDING
    assert len(smtp_server.to("sam.example@example.org")) == 2


def test_the_form_emails_one_address_at_most_every_ten_minutes(
    client, site_settings, answers, smtp_server, sign_up, clock
):
    for _ in range(3):
        sign_up(answers)
    assert len(smtp_server.to("sam.example@example.org")) == 1

    clock.shift(11 * 60)
    sign_up(answers)

    assert len(smtp_server.to("sam.example@example.org")) == 2


def test_someone_who_unsubscribed_must_confirm_again_after_signing_up(
    client, site_settings, answers, smtp_server, sign_up
):
    left = SubscriberFactory(email="sam.example@example.org", unsubscribed=True)

    sign_up(answers)

    subscriber = Subscriber.objects.get(pk=left.pk)
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED  # until the owner confirms
    assert subscriber.unsubscribed_at == left.unsubscribed_at
    assert not Subscriber.objects.confirmed().exists()
    [mail] = smtp_server.to("sam.example@example.org")
    assert "/notifications/confirm/" in mail.part("text/plain")


def test_the_events_listing_offers_the_sign_up_form(client, events_index):
    response = client.get(events_index.url)

    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id="signup-form")
    assert form["action"] == SIGNUP_URL
    assert form.find("input", attrs={"name": "signup-form_started"})["value"]
    assert soup.find(id="signup-panel-heading").get_text() == "Get an email about new events"


def test_every_page_footer_links_to_the_sign_up_page(client, home_page):
    soup = BeautifulSoup(client.get(home_page.url).content, "html.parser")

    link = soup.find("footer").find("a", string="Get emails about meetings and events")
    assert link["href"] == SIGNUP_URL


def test_a_filled_in_honeypot_is_thanked_but_nothing_is_kept_or_sent(
    client, site_settings, answers, smtp_server, sign_up
):
    response = sign_up({**answers, "signup-website": "http://spam.example"})

    assert response.status_code == 302
    assert response["Location"] == CHECK_EMAIL_URL
    assert not Subscriber.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_a_form_sent_faster_than_a_person_could_is_not_kept(
    client, site_settings, answers, sign_up
):
    response = sign_up({**answers, "signup-form_started": sign_timestamp()})

    assert response.status_code == 302
    assert not Subscriber.objects.exists()


def test_too_many_posts_of_one_address_are_paused_with_the_answers_kept(
    client, site_settings, answers
):
    bad = {**answers, "signup-interests": ""}
    for _ in range(10):
        assert client.post(SIGNUP_URL, bad).status_code == 200

    response = client.post(SIGNUP_URL, answers)

    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert not Subscriber.objects.exists()
    soup = BeautifulSoup(response.content, "html.parser")
    assert "please send them again after" in soup.find(class_="error-summary").get_text()
    assert soup.find("input", {"name": "signup-name"})["value"] == "Sam Example"
    assert soup.find("input", {"name": "signup-email"})["value"] == "Sam.Example@Example.org"


def test_colleagues_behind_one_address_can_each_sign_up(client, site_settings, answers):
    statuses = [
        client.post(SIGNUP_URL, {**answers, "signup-email": f"nurse{n}@nhs.example"}).status_code
        for n in range(15)
    ]

    assert statuses == [302] * 15
    assert Subscriber.objects.count() == 15


def test_an_empty_form_sent_at_once_shows_the_errors_rather_than_the_next_page(
    client, site_settings
):
    page = BeautifulSoup(client.get(SIGNUP_URL).content, "html.parser")
    started = page.find("input", {"name": "signup-form_started"})["value"]

    response = client.post(SIGNUP_URL, {"signup-form_started": started, "signup-website": ""})

    assert response.status_code == 200
    summary = BeautifulSoup(response.content, "html.parser").find(class_="error-summary")
    assert "Enter your email address" in summary.get_text()
    assert Subscriber.objects.count() == 0


def test_the_sign_up_page_has_a_description_canonical_link_and_social_title(client, site_settings):
    soup = BeautifulSoup(client.get(SIGNUP_URL).content, "html.parser")

    assert "group meetings" in soup.find("meta", attrs={"name": "description"})["content"]
    assert soup.find("link", rel="canonical")["href"] == "http://testserver/notifications/"
    og_title = soup.find("meta", property="og:title")["content"]
    assert og_title == "Get emails about meetings and events"
