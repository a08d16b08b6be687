"""A valid join request: stored once, the chair and the applicant emailed over real SMTP."""

from bs4 import BeautifulSoup
from django.utils import timezone

from membership.models import JoinRequest
from outbox.mail import emails_about
from outbox.models import OutgoingEmail


def submit(client, page, answers, capture):
    with capture(execute=True):
        return client.post(page.url, answers)


def test_join_page_shows_the_form(client, join_page):
    response = client.get(join_page.url)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id="join-form")
    assert form["method"] == "post"
    assert form.find("input", {"name": "csrfmiddlewaretoken"})
    assert soup.find("label", {"for": "id_full_name"}).get_text() == "Full name"
    assert soup.find("a", string="privacy notice")["href"] == "/privacy/"
    assert not soup.find(class_="error-summary")


def test_valid_request_is_saved_and_the_visitor_sent_to_thank_you(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    response = submit(client, join_page, answers, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "/join/thank-you/"
    join_request = JoinRequest.objects.get()
    assert join_request.status == JoinRequest.Status.NEW
    assert join_request.page == join_page
    assert join_request.full_name == "Alex Example"
    assert join_request.region == "scotland"
    assert join_request.clinically_active is True
    assert join_request.interests == ["education", "grants"]
    assert join_request.wants_meeting_updates is True

    thank_you = client.get(response["Location"])
    assert thank_you.status_code == 200
    assert "The chair will be in touch." in thank_you.content.decode()


def test_consent_is_recorded_with_the_privacy_notice_version(
    client, join_page, privacy_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    submit(client, join_page, answers, django_capture_on_commit_callbacks)

    join_request = JoinRequest.objects.get()
    assert join_request.consent_given_at is not None
    assert join_request.privacy_notice_version.startswith("Privacy notice (/privacy/), last")
    assert str(privacy_page.last_published_at.year) in join_request.privacy_notice_version


def test_chair_receives_every_answer_with_reply_to_the_applicant(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    submit(client, join_page, answers, django_capture_on_commit_callbacks)

    [mail] = smtp_server.to("chair@example.org")
    assert mail["Subject"] == "New request to join the group: Alex Example"
    assert mail["Reply-To"] == "alex@example.org"
    assert mail["To"] == "chair@example.org"
    text = mail.part("text/plain")
    html = mail.part("text/html")
    for answer in [
        "Alex Example",
        "alex@example.org",
        "Nurse",
        "Example Children's Hospital PICU",
        "Scotland",
        "Some experience",
        "Education events, Grant applications",
        "I would like to help with the implementation strategy.",
    ]:
        assert answer in text
    assert "Example Children&#x27;s Hospital PICU" in html
    inspect_url = (
        f"http://testserver/admin/membership/joinrequest/inspect/{JoinRequest.objects.get().pk}/"
    )
    assert inspect_url in text
    assert f'href="{inspect_url}"' in html


def test_applicant_receives_a_short_receipt(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    submit(client, join_page, answers, django_capture_on_commit_callbacks)

    [mail] = [m for m in smtp_server.to("alex@example.org") if "request to join" in m["Subject"]]
    assert mail["Subject"] == "We have received your request to join Implementation Group"
    assert mail["Reply-To"] == "group@example.org"
    assert mail["Auto-Submitted"] == "auto-generated"
    assert "Thank you for asking to join Implementation Group." in mail.part("text/plain")
    assert mail.part("text/html")
    # The receipt never repeats what the applicant typed: the form cannot relay spam.
    assert answers["message"] not in mail.part("text/plain")


def test_both_emails_are_recorded_as_sent_on_the_request(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    submit(client, join_page, answers, django_capture_on_commit_callbacks)

    join_request = JoinRequest.objects.get()
    assert sorted(emails_about(join_request).values_list("recipient", "status")) == [
        ("alex@example.org", OutgoingEmail.Status.SENT),
        ("chair@example.org", OutgoingEmail.Status.SENT),
    ]
    assert join_request.delivery_state_display() == "Sent"


def test_the_same_form_sent_twice_makes_one_request(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    first = submit(client, join_page, answers, django_capture_on_commit_callbacks)
    second = submit(client, join_page, answers, django_capture_on_commit_callbacks)

    assert first["Location"] == second["Location"] == "/join/thank-you/"
    assert JoinRequest.objects.count() == 1
    # Chair, receipt, and the confirmation asked for by "Tell me about upcoming meetings".
    assert len(smtp_server.messages) == 3


def test_each_fresh_form_carries_its_own_token(client, join_page):
    def token():
        soup = BeautifulSoup(client.get(join_page.url).content, "html.parser")
        return soup.find("input", {"name": "submission_token"})["value"]

    assert token() != token()


def test_a_garbled_token_still_saves_the_request(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    answers["submission_token"] = "not-a-uuid"

    response = submit(client, join_page, answers, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert JoinRequest.objects.count() == 1


def test_saving_a_request_takes_a_bounded_number_of_queries(
    client, join_page, answers, django_assert_max_num_queries
):
    # 40, and rate limits counted in the database: two counts, up to six queries each (with
    # the savepoints a test's transaction adds).
    with django_assert_max_num_queries(52):
        client.post(join_page.url, answers)
    assert JoinRequest.objects.count() == 1


def test_the_applicant_gets_one_receipt_in_ten_minutes_however_often_the_form_is_sent(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks, time_machine
):
    def send_fresh_form(token):
        answers["submission_token"] = token
        submit(client, join_page, answers, django_capture_on_commit_callbacks)

    def receipts():
        return [m for m in smtp_server.to("alex@example.org") if "request to join" in m["Subject"]]

    time_machine.move_to(timezone.now())
    send_fresh_form("11111111-1111-4111-8111-111111111111")
    answers["email"] = "ALEX@example.org"
    time_machine.shift(9 * 60)
    send_fresh_form("22222222-2222-4222-8222-222222222222")

    assert JoinRequest.objects.count() == 2
    assert len(receipts()) == 1
    assert len(smtp_server.to("chair@example.org")) == 2

    time_machine.shift(2 * 60)
    answers["email"] = "alex@example.org"
    send_fresh_form("33333333-3333-4333-8333-333333333333")

    assert len(receipts()) == 2
