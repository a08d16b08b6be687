"""Bad input on the public pages: clear errors for people, never a 500 for anyone."""

import time

import pytest
import time_machine
from bs4 import BeautifulSoup

from notifications.models import Subscriber
from portal.antispam import sign_timestamp

SIGNUP_URL = "/notifications/"
CONTROL_CHARACTERS = (
    "Remove the hidden control or text-direction characters from this answer (they can come "
    "with text pasted from elsewhere)"
)


def errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(class_="error-summary")
    return [(a["href"], a.get_text()) for a in summary.find_all("a")] if summary else []


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"signup-email": ""}, ("#id_signup-email", "Enter your email address")),
        (
            {"signup-email": "sam at example"},
            (
                "#id_signup-email",
                "Enter an email address in the correct format, like name@example.com",
            ),
        ),
        (
            {"signup-email": "a" * 250 + "@example.org"},
            ("#id_signup-email", "Email address must be 254 characters or fewer"),
        ),
        (
            {"signup-email": "sam@example.org\r\nBcc: victim@example.org"},
            (
                "#id_signup-email",
                "Enter an email address in the correct format, like name@example.com",
            ),
        ),
        (
            {"signup-interests": "everything-please"},
            ("#id_signup-interests_0", "Select which events you want to hear about"),
        ),
        (
            {"signup-interests": ""},
            ("#id_signup-interests_0", "Select which events you want to hear about"),
        ),
        (
            {"signup-name": "x" * 201},
            ("#id_signup-name", "Your name must be 200 characters or fewer"),
        ),
        (
            {"signup-name": "Sam \u202eredro\u202c"},
            ("#id_signup-name", CONTROL_CHARACTERS),
        ),
        (
            {"signup-name": "Sam\x1b[31m"},
            ("#id_signup-name", CONTROL_CHARACTERS),
        ),
    ],
)
def test_each_mistake_is_explained_and_nothing_is_kept(
    client, site_settings, answers, changes, expected
):
    response = client.post(SIGNUP_URL, {**answers, **changes})

    assert response.status_code == 200
    assert errors(response) == [expected]
    assert not Subscriber.objects.exists()
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find(id=expected[0].lstrip("#"))


def test_the_browser_tab_says_error_when_the_form_comes_back_with_errors(
    client, site_settings, answers
):
    answers["signup-email"] = "sam at example"

    response = client.post(SIGNUP_URL, answers)

    title = BeautifulSoup(response.content, "html.parser").title.get_text()
    assert title.startswith("Error: Get emails about meetings and events")


def test_the_browser_tab_has_no_error_on_a_fresh_form(client, site_settings):
    response = client.get(SIGNUP_URL)

    title = BeautifulSoup(response.content, "html.parser").title.get_text()
    assert title.startswith("Get emails about meetings and events")


def test_the_answers_are_kept_when_the_form_is_shown_again(client, site_settings, answers):
    response = client.post(
        SIGNUP_URL, {**answers, "signup-email": "sam at example", "signup-interests": "educational"}
    )

    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "signup-email"})["value"] == "sam at example"
    assert soup.find("input", attrs={"value": "educational"}).has_attr("checked")
    assert soup.find("input", attrs={"name": "signup-email"})["aria-invalid"] == "true"


def test_a_form_left_open_for_days_says_so_and_can_be_sent_again(
    client, site_settings, answers, smtp_server
):
    with time_machine.travel(time.time() - 3 * 24 * 60 * 60, tick=False):
        old = {**answers, "signup-form_started": sign_timestamp()}

    response = client.post(SIGNUP_URL, old)

    assert response.status_code == 200
    [(target, message)] = errors(response)
    assert target == "#signup-form"
    assert "expired" in message
    fresh = BeautifulSoup(response.content, "html.parser").find(
        "input", attrs={"name": "signup-form_started"}
    )["value"]
    assert fresh != old["signup-form_started"]
    with time_machine.travel(time.time() + 10):
        client.post(SIGNUP_URL, {**old, "signup-form_started": fresh})
    assert Subscriber.objects.count() == 1


def test_a_post_with_nothing_in_it_gives_no_error_page(client, site_settings):
    response = client.post(SIGNUP_URL, {})

    assert response.status_code == 302  # no timestamp: turned away as a bot, quietly
    assert not Subscriber.objects.exists()


def test_names_are_kept_on_one_line(client, site_settings, answers, smtp_server):
    client.post(SIGNUP_URL, {**answers, "signup-name": "  Sam\r\n  Example \t"})

    assert Subscriber.objects.get().name == "Sam Example"


@pytest.mark.parametrize(
    "path",
    [
        "/notifications/confirm/%00/",
        "/notifications/confirm/" + "a" * 5000 + "/",
        "/notifications/confirm/%F0%9F%98%80:abc:def/",
        "/notifications/unsubscribe/..%2F..%2Fadmin/",
        "/notifications/unsubscribe/" + ":" * 300 + "/",
    ],
)
def test_garbage_links_are_not_found_not_errors(client, home_page, path):
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404


def test_other_methods_on_the_form_are_refused(client, home_page):
    assert client.put(SIGNUP_URL).status_code == 405
    assert client.delete(SIGNUP_URL).status_code == 405
