"""The admin's "Forgotten password?" email goes through the outbox, with a link that works."""

import re

import pytest
from bs4 import BeautifulSoup
from django.core import mail
from django.test import Client

from outbox.models import OutgoingEmail
from portal.models import User

RESET_URL = "/admin/password_reset/"
DONE_URL = "/admin/password_reset/done/"


def page_text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def editor(db):
    return User.objects.create_superuser("editor", "editor@example.org", "old-password")


def test_a_reset_request_queues_the_link_in_the_outbox_and_the_worker_sends_it(
    editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(RESET_URL, {"email": "editor@example.org"})
        # Nothing leaves inside the request: the message waits for the commit and the worker.
        assert mail.outbox == []
        [message] = OutgoingEmail.objects.all()
        assert message.recipient == "editor@example.org"
        assert message.status == OutgoingEmail.Status.PENDING

    assert response.status_code == 302
    assert response["Location"] == DONE_URL
    [sent] = mail.outbox
    assert sent.to == ["editor@example.org"]
    assert sent.subject == "Password reset"
    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.SENT


def test_an_unknown_address_queues_nothing_and_sees_the_same_page(editor):
    known = Client().post(RESET_URL, {"email": "editor@example.org"}, follow=True)
    unknown = Client().post(RESET_URL, {"email": "nobody@example.org"}, follow=True)

    assert unknown.redirect_chain == known.redirect_chain == [(DONE_URL, 302)]
    assert page_text(unknown) == page_text(known)
    assert list(OutgoingEmail.objects.values_list("recipient", flat=True)) == ["editor@example.org"]


def test_the_emailed_link_uses_the_public_address_and_sets_a_new_password(editor, settings):
    settings.WAGTAILADMIN_BASE_URL = "https://portal.example.org"
    Client().post(RESET_URL, {"email": "editor@example.org"})
    [message] = OutgoingEmail.objects.all()

    [link] = re.findall(r"https?://\S+", message.text_body)
    assert link.startswith("https://portal.example.org/admin/password_reset/confirm/")

    client = Client()
    form_page = client.get(link.removeprefix("https://portal.example.org"), follow=True)
    assert form_page.status_code == 200
    set_password_url = form_page.redirect_chain[-1][0]
    new_password = "a-new-Long-passphrase-42"
    response = client.post(
        set_password_url, {"new_password1": new_password, "new_password2": new_password}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/password_reset/complete/"
    editor.refresh_from_db()
    assert editor.check_password(new_password)
    assert not editor.check_password("old-password")
