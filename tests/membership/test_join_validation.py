"""Every validation error, the GOV.UK-style error summary, kept values and length limits."""

import pytest
from bs4 import BeautifulSoup

from membership.models import JoinRequest

CLINICAL = "Select yes if you are clinically active"
RESEARCH = "Select your research experience"
INTERESTS = "Select interests from the list"
CONTROL_CHARACTERS = (
    "Remove the hidden control or text-direction characters from this answer (they can come "
    "with text pasted from elsewhere)"
)


def post(client, page, answers):
    response = client.post(page.url, answers)
    return response, BeautifulSoup(response.content, "html.parser")


def summary_links(soup):
    summary = soup.find(class_="error-summary")
    return {a["href"]: a.get_text() for a in summary.find_all("a")}


@pytest.mark.parametrize(
    ("field", "value", "target", "message"),
    [
        ("full_name", "", "#id_full_name", "Enter your full name"),
        ("full_name", "   ", "#id_full_name", "Enter your full name"),
        ("full_name", "Alex \u202eelpmaxE\u202c", "#id_full_name", CONTROL_CHARACTERS),
        ("full_name", "Alex\u2066 Example", "#id_full_name", CONTROL_CHARACTERS),
        ("full_name", "Alex\x07Example", "#id_full_name", CONTROL_CHARACTERS),
        ("organisation", "PICU\u200f", "#id_organisation", CONTROL_CHARACTERS),
        ("email", "", "#id_email", "Enter your email address"),
        (
            "email",
            "not an email",
            "#id_email",
            "Enter an email address in the correct format, like name@example.com",
        ),
        ("role", "", "#id_role_0", "Select your professional role"),
        ("role", "astronaut", "#id_role_0", "Select your professional role"),
        ("organisation", "", "#id_organisation", "Enter your organisation or unit"),
        ("region", "", "#id_region_0", "Select where you work"),
        ("region", "mars", "#id_region_0", "Select where you work"),
        (
            "clinically_active",
            "",
            "#id_clinically_active_0",
            "Select yes if you are clinically active",
        ),
        ("research_experience", "", "#id_research_experience_0", "Select your research experience"),
        (
            "interests",
            ["education", "knitting"],
            "#id_interests_0",
            "Select interests from the list",
        ),
        (
            "consent",
            "",
            "#id_consent",
            "Confirm that you agree to your answers being stored and emailed to the group",
        ),
    ],
)
def test_each_missing_or_wrong_answer_is_named_in_the_summary_and_at_the_field(
    client, join_page, answers, field, value, target, message
):
    answers[field] = value

    response, soup = post(client, join_page, answers)

    assert response.status_code == 200
    assert summary_links(soup) == {target: message}
    error = soup.find(id=f"id_{field}_error")
    assert message in error.get_text()
    assert JoinRequest.objects.count() == 0


def test_other_role_needs_the_role_written_in(client, join_page, answers):
    answers["role"] = "other"
    answers["role_other"] = ""

    _, soup = post(client, join_page, answers)

    assert summary_links(soup) == {"#id_role_other": "Enter your role"}


def test_other_role_with_the_role_written_in_is_saved(client, join_page, answers):
    answers.update(role="other", role_other="Play specialist")

    response, _ = post(client, join_page, answers)

    assert response.status_code == 302
    assert JoinRequest.objects.get().role_display() == "Other: Play specialist"


def test_written_in_role_is_dropped_when_a_listed_role_is_chosen(client, join_page, answers):
    answers.update(role="doctor", role_other="Something else")

    post(client, join_page, answers)

    assert JoinRequest.objects.get().role_other == ""


def test_error_summary_is_an_alert_first_in_main_that_takes_focus(client, join_page, answers):
    answers["full_name"] = ""

    _, soup = post(client, join_page, answers)

    summary = soup.find(class_="error-summary")
    assert summary["role"] == "alert"
    assert summary["tabindex"] == "-1"
    assert summary.has_attr("autofocus")
    assert summary.find("h2").get_text() == "There is a problem"
    container = soup.find("main").find(class_="container")
    assert container.find(True) is summary


def test_the_browser_tab_says_error_when_the_form_comes_back_with_errors(
    client, join_page, answers
):
    answers["email"] = "not an address"

    _, soup = post(client, join_page, answers)

    assert soup.title.get_text().startswith(f"Error: {join_page.title}")


def test_the_browser_tab_has_no_error_on_a_fresh_form(client, join_page):
    soup = BeautifulSoup(client.get(join_page.url).content, "html.parser")

    assert soup.title.get_text().startswith(join_page.title)


def test_summary_lists_every_error_in_question_order(client, join_page):
    _, soup = post(client, join_page, {"form_started": "", "website": ""})

    # A post with no timestamp at all is turned away quietly, like a bot.
    assert soup.find(class_="error-summary") is None


def test_empty_form_lists_every_required_question_in_order(client, join_page, answers):
    # What a browser sends for an untouched form: empty text, and no radios or checkboxes.
    empty = dict.fromkeys(("full_name", "email", "role_other", "organisation", "message"), "")
    empty["form_started"] = answers["form_started"]

    _, soup = post(client, join_page, empty)

    assert list(summary_links(soup)) == [
        "#id_full_name",
        "#id_email",
        "#id_role_0",
        "#id_organisation",
        "#id_region_0",
        "#id_clinically_active_0",
        "#id_research_experience_0",
        "#id_consent",
    ]


def test_fields_with_errors_point_at_their_hint_and_error(client, join_page, answers):
    answers["email"] = "nope"
    answers["region"] = ""

    _, soup = post(client, join_page, answers)

    email = soup.find("input", {"name": "email"})
    assert email["aria-invalid"] == "true"
    assert email["aria-describedby"] == "id_email_helptext id_email_error"
    assert soup.find(id="id_email_helptext")
    region_fieldset = soup.find(id="id_region_0").find_parent("fieldset")
    assert region_fieldset["aria-describedby"] == "id_region_helptext id_region_error"
    assert region_fieldset.find("legend").get_text() == "Where do you work?"


def test_answers_are_kept_when_the_form_is_shown_again(client, join_page, answers):
    answers["consent"] = ""

    _, soup = post(client, join_page, answers)

    assert soup.find("input", {"name": "full_name"})["value"] == "Alex Example"
    assert soup.find("input", {"name": "email"})["value"] == "alex@example.org"
    assert soup.find("input", {"name": "role", "value": "nurse"}).has_attr("checked")
    assert soup.find("input", {"name": "clinically_active", "value": "yes"}).has_attr("checked")
    checked = soup.find_all("input", {"name": "interests", "checked": True})
    assert [box["value"] for box in checked] == ["education", "grants"]
    assert soup.find("textarea", {"name": "message"}).get_text().strip() == answers["message"]
    # The same form keeps its token and start time, so correcting it is not "too fast".
    assert soup.find("input", {"name": "submission_token"})["value"] == answers["submission_token"]
    assert soup.find("input", {"name": "form_started"})["value"] == answers["form_started"]


def test_every_text_input_has_a_maxlength(client, join_page):
    soup = BeautifulSoup(client.get(join_page.url).content, "html.parser")

    limits = {
        field["name"]: field.get("maxlength")
        for field in soup.select(
            "#join-form input[type=text], #join-form input[type=email], #join-form textarea"
        )
    }
    assert limits == {
        "website": "200",
        "full_name": "200",
        "email": "254",
        "role_other": "100",
        "organisation": "200",
        "message": "2000",
    }


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("full_name", "Full name must be 200 characters or fewer"),
        ("organisation", "Organisation or unit must be 200 characters or fewer"),
        ("role_other", "Your role must be 100 characters or fewer"),
        ("message", "Your message must be 2000 characters or fewer"),
        ("email", "Email address must be 254 characters or fewer"),
    ],
)
def test_a_20000_character_answer_gets_a_clear_error(client, join_page, answers, field, message):
    answers[field] = "x" * 20_000
    if field == "role_other":
        answers["role"] = "other"

    response, soup = post(client, join_page, answers)

    assert response.status_code == 200
    assert message in summary_links(soup).values()
    assert JoinRequest.objects.count() == 0


def test_null_characters_are_refused_not_crashed_on(client, join_page, answers):
    answers["full_name"] = "Alex\x00Example"

    response, _ = post(client, join_page, answers)

    assert response.status_code == 200
    assert JoinRequest.objects.count() == 0
