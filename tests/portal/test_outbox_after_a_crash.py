"""Mail a worker claimed and never sent, because it died, is sent within minutes by another run;
every attempt at a message carries the same Message-ID, so a rare duplicate folds into one."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

import outbox.mail
from outbox.mail import deliver, queue_email
from outbox.models import OutgoingEmail


class WorkerKilled(BaseException):
    """What the process sees of SIGKILL: nothing after it runs, no except clause catches it."""


def die_while_sending(message, connection):
    raise WorkerKilled


def test_a_message_left_by_a_worker_that_died_is_sent_within_minutes(
    db, smtp_server, task_worker, monkeypatch
):
    message = queue_email(recipient="chair@example.org", subject="Hello", text_body="Words.")
    start = timezone.now()
    with monkeypatch.context() as patch:
        patch.setattr(outbox.mail, "_send", die_while_sending)
        with pytest.raises(WorkerKilled):
            deliver([message.pk])
    message.refresh_from_db()
    assert message.claimed_until is not None
    assert smtp_server.messages == []

    # The claim still holds a minute later: nobody sends it twice while the sender may be alive.
    with time_machine.travel(start + timedelta(minutes=1), tick=False):
        task_worker.run()
    assert smtp_server.messages == []

    with time_machine.travel(start + timedelta(minutes=7), tick=False):
        task_worker.run()

    [mail] = smtp_server.messages
    assert mail["Message-ID"] == OutgoingEmail.objects.get().message_id
    message.refresh_from_db()
    assert message.status == OutgoingEmail.Status.SENT


def test_every_attempt_at_a_message_sends_the_same_message_id(db, smtp_server):
    message = queue_email(
        recipient="chair@example.org", subject="Hello", text_body="Words.", send_now=False
    )
    assert message.message_id.startswith("<") and message.message_id.endswith(">")

    deliver([message.pk])
    # As if the server had accepted it but the sender died before it could record so.
    OutgoingEmail.objects.filter(pk=message.pk).update(status=OutgoingEmail.Status.PENDING)
    deliver([message.pk])

    first, second = smtp_server.messages
    assert first["Message-ID"] == second["Message-ID"] == message.message_id
