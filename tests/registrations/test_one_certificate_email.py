"""One certificate email a person, however many feedback posts arrive at the same moment."""

from concurrent.futures import ThreadPoolExecutor
from threading import Barrier

import pytest
from django.conf import settings
from django.db import connections
from django.test import Client

from outbox.models import OutgoingEmail
from registrations import certificates, tokens
from registrations.models import Certificate, Registration
from tests.registrations.factories import RegistrationFactory

POSTS = 8


def certificate_emails():
    # The feedback request has the same subject: only the certificate carries its download link.
    return OutgoingEmail.objects.filter(text_body__contains="/certificates/download/")


@pytest.fixture
def asked_for_feedback(event, time_machine):
    event.ask_for_feedback = True
    event.save_revision().publish()
    registration = RegistrationFactory(event=event, status="attended")
    time_machine.move_to(event.end)
    certificates.send_certificates(event)
    return registration


def test_feedback_sent_twice_from_one_page_load_gives_one_certificate_email(asked_for_feedback):
    # Both posts read the registration before either saved: as two browser tabs, or a
    # double-click, reach the server together.
    first = Registration.objects.get(pk=asked_for_feedback.pk)
    second = Registration.objects.get(pk=asked_for_feedback.pk)

    certificates.record_feedback(first, 5, "Excellent")
    again = certificates.record_feedback(second, 1, "Changed my mind")

    assert again == Certificate.objects.get()
    assert certificate_emails().count() == 1
    kept = Registration.objects.get(pk=asked_for_feedback.pk)
    assert (kept.feedback_rating, kept.feedback_comments) == (5, "Excellent")


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="SQLite writes one transaction at a time: only PostgreSQL can race",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_feedback_posted_many_times_at_once_gives_one_certificate_email(asked_for_feedback):
    url = tokens.feedback_url(asked_for_feedback).removeprefix("http://testserver")
    start_together = Barrier(POSTS)

    def post(n):
        try:
            start_together.wait()
            return Client().post(url, {"rating": "4", "comments": f"Post {n}"}).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=POSTS) as pool:
        statuses = list(pool.map(post, range(POSTS)))

    # A post that arrives once the feedback is kept is shown the page with the certificate
    # (200) rather than sent on to it (302): either way, nobody gets an error.
    assert set(statuses) <= {302, 200} and 302 in statuses
    assert Certificate.objects.count() == 1
    assert certificate_emails().count() == 1
