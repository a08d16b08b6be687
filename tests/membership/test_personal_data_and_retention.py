"""Data requests (export, erase) and retention (purge of old closed requests)."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import ModelLogEntry

from membership.models import JoinRequest, JoinRequestStatusChange
from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from tests.membership.factories import JoinRequestFactory


def run(*args):
    out, err = StringIO(), StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def alex(db):
    join_request = JoinRequestFactory(full_name="Alex Example", email="alex@example.org")
    queue_email(
        recipient="chair@example.org",
        subject="New request to join the group: Alex Example",
        text_body="Alex Example has asked to join.",
        about=join_request,
        send_now=False,
    )
    JoinRequestStatusChange.objects.create(
        join_request=join_request, from_status="new", to_status="contacted"
    )
    ModelLogEntry.objects.log_action(join_request, "wagtail.edit")
    return join_request


def test_export_prints_everything_held_for_an_address_as_json(alex):
    JoinRequestFactory(email="someone.else@example.org")

    out, _ = run("personal_data", "--export", "ALEX@example.org")

    data = json.loads(out)
    assert data["email"] == "ALEX@example.org"
    [held] = data["join_requests"]
    assert held["full_name"] == "Alex Example"
    assert held["role"] == "Nurse"
    assert held["privacy_notice_version"].startswith("Privacy notice")
    assert held["status_changes"][0]["change"] == "New → Contacted"
    assert held["emails"][0]["to"] == "chair@example.org"
    assert held["emails"][0]["body"] == "Alex Example has asked to join."


def test_export_of_an_unknown_address_is_empty(db):
    out, _ = run("personal_data", "--export", "nobody@example.org")

    assert json.loads(out)["join_requests"] == []


def test_erase_deletes_the_requests_their_emails_and_their_history(alex):
    other = JoinRequestFactory(email="someone.else@example.org")

    _, err = run("personal_data", "--erase", "alex@example.org")

    assert "1 join requests" in err
    assert list(JoinRequest.objects.all()) == [other]
    assert OutgoingEmail.objects.count() == 0
    assert JoinRequestStatusChange.objects.count() == 0
    assert ModelLogEntry.objects.filter(label__contains="Alex").count() == 0


def test_the_data_command_needs_an_email_address(db):
    with pytest.raises(CommandError):
        run("personal_data", "--erase", "not-an-address")


def aged(days, status):
    join_request = JoinRequestFactory(status=status)
    JoinRequest.objects.filter(pk=join_request.pk).update(
        submitted_at=timezone.now() - timedelta(days=days)
    )
    return join_request


def test_purge_deletes_closed_requests_older_than_the_retention_period(db, settings):
    settings.JOIN_REQUEST_RETENTION_DAYS = 365
    old_accepted = aged(366, JoinRequest.Status.ACCEPTED)
    old_declined = aged(400, JoinRequest.Status.DECLINED)
    recent_accepted = aged(364, JoinRequest.Status.ACCEPTED)
    old_new = aged(500, JoinRequest.Status.NEW)
    old_contacted = aged(500, JoinRequest.Status.CONTACTED)
    queue_email(
        recipient="c@example.org", subject="s", text_body="t", about=old_declined, send_now=False
    )

    out, _ = run("purge_expired_data")

    assert "Accepted and declined join requests, with their emails and history: 2 deleted." in out
    remaining = set(JoinRequest.objects.values_list("pk", flat=True))
    assert remaining == {recent_accepted.pk, old_new.pk, old_contacted.pk}
    assert old_accepted.pk not in remaining
    assert OutgoingEmail.objects.count() == 0


def test_purge_takes_the_period_from_the_setting(db, settings):
    settings.JOIN_REQUEST_RETENTION_DAYS = 30
    aged(40, JoinRequest.Status.DECLINED)
    aged(20, JoinRequest.Status.DECLINED)

    out, _ = run("purge_expired_data", "--dry-run")
    assert "join requests, with their emails and history: 1 would be deleted." in out
    assert JoinRequest.objects.count() == 2

    run("purge_expired_data")
    assert JoinRequest.objects.count() == 1
