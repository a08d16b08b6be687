"""Newlines, HTML and script in answers can neither inject mail headers nor run anywhere."""

import pytest
from bs4 import BeautifulSoup

from membership.models import JoinRequest

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.mark.parametrize(
    "email",
    [
        "alex@example.org\nBcc: victim@example.org",
        "alex@example.org\r\nBcc: victim@example.org",
        "alex@example.org, victim@example.org",
        "Alex <alex@example.org>",
    ],
)
def test_an_email_address_carrying_extra_headers_or_recipients_is_refused(
    client, join_page, answers, email
):
    answers["email"] = email

    response = client.post(join_page.url, answers)

    assert response.status_code == 200
    assert JoinRequest.objects.count() == 0


def test_newlines_in_a_name_cannot_add_headers_to_the_chairs_email(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    answers["full_name"] = "Alex\r\nBcc: victim@example.org\nX-Injected: yes"

    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_page.url, answers)

    assert JoinRequest.objects.get().full_name == "Alex Bcc: victim@example.org X-Injected: yes"
    [mail] = smtp_server.to("chair@example.org")
    assert mail["Subject"] == (
        "New request to join the group: Alex Bcc: victim@example.org X-Injected: yes"
    )
    assert mail["X-Injected"] is None
    assert mail["Bcc"] is None
    assert all(mail.envelope_to == [mail["To"]] for mail in smtp_server.messages)


def test_script_in_answers_is_escaped_in_the_html_email_and_kept_as_text_in_the_plain_one(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    answers.update(full_name=SCRIPT, organisation=SCRIPT, message=SCRIPT)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(join_page.url, answers)

    [mail] = smtp_server.to("chair@example.org")
    html = mail.part("text/html")
    assert "<script" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    assert SCRIPT in mail.part("text/plain")


def test_script_in_answers_is_escaped_in_the_admin(
    admin_client, client, join_page, answers, django_capture_on_commit_callbacks
):
    answers.update(full_name=SCRIPT, organisation=SCRIPT, message=SCRIPT)
    client.post(join_page.url, answers)
    join_request = JoinRequest.objects.get()

    for url in [
        "/admin/membership/joinrequest/",
        f"/admin/membership/joinrequest/inspect/{join_request.pk}/",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert not [s for s in soup.find_all("script") if 'alert("x")' in s.get_text()]
        assert not soup.find("img", src="x")
