"""The mail outbox: delivery over real SMTP, failures kept for retry, never sent twice."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connections, transaction
from django.utils import timezone

from outbox.mail import deliver, queue_email
from outbox.models import OutgoingEmail


def queue(recipient="chair@example.org", **kwargs):
    return queue_email(
        recipient=recipient,
        subject="Hello",
        text_body="Plain words.",
        **{"send_now": False, **kwargs},
    )


def test_a_queued_email_is_delivered_through_the_smtp_server_after_commit(
    db, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        message = queue_email(
            recipient="chair@example.org",
            subject="New request",
            text_body="Plain words.",
            html_body="<p>Rich words.</p>",
            reply_to="alex@example.org",
            headers={"X-Portal": "join"},
            attachments=[{"filename": "a.txt", "content": "attached", "mimetype": "text/plain"}],
        )
        assert smtp_server.messages == []  # nothing leaves before the commit

    [mail] = smtp_server.messages
    assert mail.envelope_to == ["chair@example.org"]
    assert mail["Subject"] == "New request"
    assert mail["Reply-To"] == "alex@example.org"
    assert mail["X-Portal"] == "join"
    assert mail.part("text/plain").strip() == "Plain words."
    assert mail.part("text/html") == "<p>Rich words.</p>"
    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.SENT
    assert message.attempts == 1
    assert message.sent_at is not None


def test_nothing_is_sent_when_the_transaction_rolls_back(
    db, smtp_server, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                queue_email(recipient="chair@example.org", subject="s", text_body="t")
                raise RuntimeError("the caller's save failed")
        except RuntimeError:
            pass

    assert smtp_server.messages == []
    assert OutgoingEmail.objects.count() == 0


def test_connection_refused_leaves_the_email_pending_with_the_error(db, smtp_server_down):
    message = queue()

    assert deliver() == 0

    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.PENDING
    assert message.attempts == 1
    assert message.last_error.startswith("ConnectionRefusedError")
    assert message.next_attempt_at > timezone.now()
    assert message.claimed_until is None


def test_the_retry_sends_it_once_when_it_is_due(db, smtp_server):
    with smtp_server.down():
        message = queue()
        deliver()

    call_command("send_queued_mail", stdout=StringIO())
    assert smtp_server.messages == []  # not due yet: the retry waits a little

    with time_machine.travel(timezone.now() + timedelta(minutes=3)):
        out = StringIO()
        call_command("send_queued_mail", stdout=out)
        call_command("send_queued_mail", stdout=StringIO())

    assert "Sent 1 email(s); 0 still waiting." in out.getvalue()
    assert len(smtp_server.messages) == 1
    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.SENT
    assert message.attempts == 2
    assert message.last_error == ""


def test_retries_back_off_but_never_wait_more_than_an_hour(db, smtp_server_down):
    message = queue()
    delays = []
    for _ in range(12):
        before = timezone.now()
        deliver([message.pk])
        message.refresh_from_db()
        delays.append(round((message.next_attempt_at - before).total_seconds() / 60))

    assert delays[:4] == [2, 4, 8, 16]
    assert max(delays) == 60


def test_one_failure_does_not_stop_the_other_messages(db, smtp_server):
    queue("refused@example.org")
    queue("chair@example.org")

    refused_once = []

    async def refuse_first(server, session, envelope, address, rcpt_options):
        if address == "refused@example.org":
            refused_once.append(address)
            return "550 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    smtp_server.handler.handle_RCPT = refuse_first

    assert deliver() == 1
    assert [mail.envelope_to for mail in smtp_server.messages] == [["chair@example.org"]]
    assert OutgoingEmail.objects.get(recipient="refused@example.org").status == "failed"


# Serialized rollback, like every transactional test here: a plain one would leave the emptied
# database refilled by migrations' signals, which the next serialized test cannot restore over.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_senders_at_once_never_send_a_message_twice(smtp_server):
    for n in range(3):
        queue(f"member{n}@example.org")
    second_sender = {}

    def send_again_while_the_first_send_is_in_flight(received):
        if second_sender:
            return  # only once: the second sender's own sends arrive here too
        second_sender["started"] = True
        try:
            second_sender["sent"] = deliver()
        finally:
            connections.close_all()

    smtp_server.on_message(send_again_while_the_first_send_is_in_flight)

    first = deliver()

    recipients = sorted(mail.envelope_to[0] for mail in smtp_server.messages)
    assert recipients == ["member0@example.org", "member1@example.org", "member2@example.org"]
    assert first + second_sender["sent"] == 3
    assert second_sender["sent"] == 2  # the one the first sender held was left alone
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent"}


@pytest.mark.parametrize(
    ("recipient", "reply_to"),
    [
        ("chair@example.org\nBcc: victim@example.org", ""),
        ("chair@example.org", "alex@example.org\r\nBcc: victim@example.org"),
        ("not an address", ""),
        ("chair@example.org", "a@example.org, b@example.org"),
    ],
)
def test_addresses_that_could_inject_headers_are_refused_when_queued(db, recipient, reply_to):
    with pytest.raises(ValidationError):
        queue(recipient, reply_to=reply_to)

    assert OutgoingEmail.objects.count() == 0


def test_a_broken_mail_setup_never_fails_the_callers_request(
    db, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "portal.no_such_backend.Backend"

    with django_capture_on_commit_callbacks(execute=True):
        message = queue_email(recipient="chair@example.org", subject="s", text_body="t")

    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.PENDING
