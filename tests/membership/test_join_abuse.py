"""Bots are turned away quietly; floods get the form back with a 429; CSRF stays on."""

import time
from datetime import UTC, datetime
from uuid import uuid4

import time_machine
from bs4 import BeautifulSoup
from django.test import Client

from membership.models import JoinRequest
from membership.views import JOIN_RATE_LIMIT
from portal.antispam import FORM_EXPIRED_MESSAGE, sign_timestamp


def test_filling_in_the_honeypot_looks_like_success_but_keeps_nothing(
    client, join_page, answers, smtp_server
):
    answers["website"] = "http://spam.example"

    response = client.post(join_page.url, answers)

    assert response.status_code == 302
    assert response["Location"] == "/join/thank-you/"
    assert JoinRequest.objects.count() == 0
    assert smtp_server.messages == []


def test_honeypot_is_hidden_from_people_and_assistive_technology(client, join_page):
    soup = BeautifulSoup(client.get(join_page.url).content, "html.parser")

    honeypot = soup.find("input", {"name": "website"})
    wrapper = honeypot.find_parent(class_="antispam-field")
    assert wrapper["aria-hidden"] == "true"
    assert honeypot["tabindex"] == "-1"
    assert honeypot["autocomplete"] == "off"


def test_a_form_sent_faster_than_a_person_could_is_dropped_quietly(client, join_page, answers):
    answers["form_started"] = sign_timestamp(time.time() - 1)

    response = client.post(join_page.url, answers)

    assert response["Location"] == "/join/thank-you/"
    assert JoinRequest.objects.count() == 0


def test_an_empty_form_sent_at_once_shows_the_errors_rather_than_the_thank_you_page(
    client, join_page
):
    page = BeautifulSoup(client.get(join_page.url).content, "html.parser")
    started = page.find("input", {"name": "form_started"})["value"]

    response = client.post(join_page.url, {"form_started": started, "website": ""})

    assert response.status_code == 200
    summary = BeautifulSoup(response.content, "html.parser").find(class_="error-summary")
    assert "Enter your full name" in summary.get_text()
    assert JoinRequest.objects.count() == 0


def test_a_form_sent_after_three_seconds_is_kept(client, join_page, answers):
    answers["form_started"] = sign_timestamp(time.time() - 3.5)

    client.post(join_page.url, answers)

    assert JoinRequest.objects.count() == 1


def test_a_tampered_or_missing_timestamp_is_dropped_quietly(client, join_page, answers):
    for forged in [answers["form_started"] + "x", "1700000000", ""]:
        answers["form_started"] = forged

        response = client.post(join_page.url, answers)

        assert response["Location"] == "/join/thank-you/"
    assert JoinRequest.objects.count() == 0


def test_a_form_left_open_over_a_day_asks_to_be_sent_again(client, join_page, answers):
    with time_machine.travel(time.time() - 25 * 60 * 60, tick=False):
        answers["form_started"] = sign_timestamp()

    response = client.post(join_page.url, answers)

    soup = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert FORM_EXPIRED_MESSAGE in soup.find(class_="error-summary").get_text()
    assert JoinRequest.objects.count() == 0
    # The answers are kept and the form has a fresh timestamp, so sending it again works.
    assert soup.find("input", {"name": "full_name"})["value"] == "Alex Example"
    answers["form_started"] = soup.find("input", {"name": "form_started"})["value"]
    with time_machine.travel(time.time() + 10):
        client.post(join_page.url, answers)
    assert JoinRequest.objects.count() == 1


def test_too_many_posts_of_one_address_get_the_form_back_with_what_was_typed(
    client, join_page, answers
):
    answers["consent"] = ""  # invalid posts count too
    with time_machine.travel(datetime(2026, 6, 1, 13, 40, tzinfo=UTC), tick=False):
        answers["form_started"] = sign_timestamp(time.time() - 60)
        for _ in range(JOIN_RATE_LIMIT.limit):
            assert client.post(join_page.url, answers).status_code == 200
        response = client.post(join_page.url, answers | {"message": "Typed with care"})

    assert response.status_code == 429
    assert response["Retry-After"] == str(20 * 60 + 1)
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(class_="error-summary").get_text(" ", strip=True)
    # 14:00 in UTC is 15:00 in London in June.
    assert "please send them again after 15:00 (in 20 minutes)" in summary
    assert soup.find("input", {"name": "full_name"})["value"] == "Alex Example"
    assert soup.find("textarea", {"name": "message"}).get_text().strip() == "Typed with care"
    assert JoinRequest.objects.count() == 0
    # Reading the page is never limited, and other addresses can still post.
    assert client.get(join_page.url).status_code == 200
    other = client.post(join_page.url, answers, REMOTE_ADDR="192.0.2.7")
    assert other.status_code == 200


def test_colleagues_behind_one_hospital_address_can_each_join(client, join_page, answers):
    colleagues = 2 * JOIN_RATE_LIMIT.limit

    statuses = [
        client.post(
            join_page.url,
            answers | {"email": f"colleague{n}@nhs.example", "submission_token": str(uuid4())},
        ).status_code
        for n in range(colleagues)
    ]

    assert statuses == [302] * colleagues
    assert JoinRequest.objects.count() == colleagues


def test_one_connection_is_stopped_at_its_ceiling_whatever_addresses_it_gives(
    client, join_page, answers
):
    answers["consent"] = ""
    ceiling = JOIN_RATE_LIMIT.per_client.limit
    for n in range(ceiling):
        client.post(join_page.url, answers | {"email": f"bot{n}@example.net"})

    response = client.post(join_page.url, answers | {"email": "yet-another@example.net"})

    assert response.status_code == 429


def test_the_rate_limit_resets_in_the_next_hour(client, join_page, answers):
    with time_machine.travel(time.time(), tick=False) as traveller:
        answers["form_started"] = sign_timestamp(time.time() - 60)
        for _ in range(JOIN_RATE_LIMIT.limit + 1):
            client.post(join_page.url, answers | {"consent": ""})
        traveller.shift(60 * 60)
        answers["form_started"] = sign_timestamp(time.time() - 60)

        response = client.post(join_page.url, answers)

    assert response.status_code == 302
    assert JoinRequest.objects.count() == 1


def test_posts_without_a_csrf_token_are_refused(join_page, answers):
    strict_client = Client(enforce_csrf_checks=True)

    response = strict_client.post(join_page.url, answers)

    assert response.status_code == 403
    assert JoinRequest.objects.count() == 0


def test_a_post_turned_away_says_why_in_the_log(client, join_page, answers, caplog):
    answers["website"] = "http://spam.example"

    client.post(join_page.url, answers)

    turned_away = [r for r in caplog.records if "turned away" in r.getMessage()]
    assert [(r.name, r.levelname) for r in turned_away] == [("membership.views", "INFO")]
    assert turned_away[0].getMessage().endswith("turned away: honeypot filled in")
