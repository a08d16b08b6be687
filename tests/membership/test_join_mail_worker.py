"""A mail host that hangs never holds up the join form: the background worker sends later."""

import time
from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from membership.models import JoinRequest
from outbox.models import DeliveryState, OutgoingEmail


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """The request's commit, which in a test is only captured: it hands the mail to the queue."""
    return django_capture_on_commit_callbacks


def test_a_silent_mail_host_does_not_hold_up_the_thank_you_page(
    client, join_page, answers, silent_smtp_host, task_worker, smtp_server, on_commit
):
    smtp_server.point_django_here(port=silent_smtp_host)

    started = time.perf_counter()
    with on_commit(execute=True):
        response = client.post(join_page.url, answers, follow=True)
    elapsed = time.perf_counter() - started

    assert response.status_code == 200
    assert response.redirect_chain[-1][0].endswith("/thank-you/")
    assert elapsed < 2
    join_request = JoinRequest.objects.get()
    assert join_request.full_name == "Alex Example"
    assert join_request.delivery_state() == DeliveryState.WAITING
    assert smtp_server.messages == []

    smtp_server.point_django_here()  # the mail host answers again
    task_worker.run()

    assert len(smtp_server.to("chair@example.org")) == 1
    assert len(smtp_server.to("alex@example.org")) == 2
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}
    assert join_request.delivery_state() == DeliveryState.SENT


def test_the_worker_retries_what_a_silent_host_timed_out(
    client, join_page, answers, silent_smtp_host, task_worker, smtp_server, settings, on_commit
):
    smtp_server.point_django_here(port=silent_smtp_host)
    settings.EMAIL_TIMEOUT = 0.5
    with on_commit(execute=True):
        client.post(join_page.url, answers)

    task_worker.run()  # every attempt times out; each message waits for its next try

    waiting = OutgoingEmail.objects.all()
    assert {email.status for email in waiting} == {"pending"}
    assert all("timed out" in email.last_error for email in waiting)

    smtp_server.point_django_here()
    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        task_worker.run()  # the retry the worker scheduled for itself

    assert len(smtp_server.messages) == 3
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}
