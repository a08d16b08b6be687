"""Durable sending: a mail server failing half-way leaves the rest queued, the retry sends each
person their copy once, and long lists finish through `send_queued_mail`."""

from collections import Counter
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from notifications import announcements
from notifications.models import Announcement
from outbox.mail import _enqueue
from outbox.models import OutgoingEmail
from tests.notifications.factories import SubscriberFactory

RECIPIENTS = [f"person{n}@example.org" for n in range(6)]


def received_per_recipient(smtp_server):
    return Counter(address for mail in smtp_server.messages for address in mail.envelope_to)


def test_a_server_failing_half_way_then_the_retry_sends_everyone_exactly_one_copy(
    admin_client, meeting, smtp_server, django_capture_on_commit_callbacks
):
    for address in RECIPIENTS:
        SubscriberFactory(email=address)

    def fail_after_three(received):
        if len(smtp_server.messages) == 3:
            smtp_server.refuse_recipients(temporary=True)  # the provider's sending limit

    smtp_server.on_message(fail_after_three)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(f"/admin/notifications/announce/{meeting.pk}/")

    announcement = Announcement.objects.get()
    assert sum(received_per_recipient(smtp_server).values()) == 3
    assert announcement.delivery_counts() == {"sent": 3, "waiting": 3}
    waiting = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.PENDING)
    assert all("452" in email.last_error for email in waiting)

    smtp_server.refuse_recipients(False)
    out = StringIO()
    call_command("send_queued_mail", "--all", stdout=out)
    call_command("send_queued_mail", "--all", stdout=StringIO())  # a second run finds nothing

    assert "Sent 3 email(s); 0 still waiting." in out.getvalue()
    assert received_per_recipient(smtp_server) == dict.fromkeys(RECIPIENTS, 1)
    assert announcement.delivery_counts() == {"sent": 6, "waiting": 0}
    page = BeautifulSoup(
        admin_client.get(f"/admin/notifications/announce/{meeting.pk}/").content, "html.parser"
    )
    recipients, delivered, waiting = [td.get_text() for td in page.select("tbody tr td")][3:]
    assert (recipients, delivered, waiting) == ("6", "6", "0")


def test_a_server_that_is_down_loses_nothing(
    admin_client, meeting, smtp_server, django_capture_on_commit_callbacks
):
    for address in RECIPIENTS:
        SubscriberFactory(email=address)

    with smtp_server.down(), django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/notifications/announce/{meeting.pk}/")

    assert response.status_code == 302
    assert Announcement.objects.get().delivery_counts() == {"sent": 0, "waiting": 6}
    call_command("send_queued_mail", "--all", stdout=StringIO())
    assert received_per_recipient(smtp_server) == dict.fromkeys(RECIPIENTS, 1)


def test_every_copy_goes_in_one_task_for_the_background_worker(
    admin_client, meeting, smtp_server, django_capture_on_commit_callbacks
):
    for address in RECIPIENTS:
        SubscriberFactory(email=address)

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        admin_client.post(f"/admin/notifications/announce/{meeting.pk}/")

    # Other work waits for the commit too (the page cache drops its entries), so count the queuing.
    queued = [callback for callback in callbacks if getattr(callback, "func", None) is _enqueue]
    assert len(queued) == 1
    assert received_per_recipient(smtp_server) == dict.fromkeys(RECIPIENTS, 1)


def test_all_copies_are_queued_together_or_not_at_all(meeting, admin_user, monkeypatch):
    for address in RECIPIENTS:
        SubscriberFactory(email=address)
    calls = []
    original = announcements.emails.queue_emails

    def store_half_then_fail(copies, **kwargs):
        calls.append(original(copies[:3], **kwargs))
        raise RuntimeError("database went away")

    monkeypatch.setattr(announcements.emails, "queue_emails", store_half_then_fail)

    with pytest.raises(RuntimeError):
        announcements.announce(meeting, admin_user)

    assert len(calls[0]) == 3
    assert not Announcement.objects.exists()
    assert not OutgoingEmail.objects.exists()
