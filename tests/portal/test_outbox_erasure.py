"""An erased email never comes back: not re-saved by a sender that held it, never sent later."""

from datetime import timedelta
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from membership.models import JoinRequest
from outbox.mail import deliver, queue_email
from outbox.models import OutgoingEmail
from tests.membership.factories import JoinRequestFactory

# Serialized rollback, like every transactional test here (see tests/portal/test_outbox.py).
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def queue_about(join_request):
    return queue_email(
        recipient="chair@example.org",
        subject=f"New request from {join_request.full_name}",
        text_body=f"{join_request.full_name} <{join_request.email}> asks to join.",
        about=join_request,
        send_now=False,
    )


def erase_while_the_server_answers(smtp_server, join_request, reply):
    """While the sender waits for the server's answer to RCPT TO, erase the request."""

    async def erase_then_answer(server, session, envelope, address, rcpt_options):
        def erase():
            try:
                call_command("personal_data", "--erase", join_request.email, stderr=StringIO())
            finally:
                connections.close_all()

        await server.loop.run_in_executor(None, erase)
        envelope.rcpt_tos.append(address)
        return reply

    smtp_server.handler.handle_RCPT = erase_then_answer


def test_a_failed_send_of_an_erased_email_neither_restores_it_nor_retries_it(smtp_server):
    join_request = JoinRequestFactory(full_name="Sam Erased", email="sam@example.org")
    message = queue_about(join_request)
    erase_while_the_server_answers(smtp_server, join_request, "451 4.3.0 Try again later")

    assert deliver([message.pk]) == 0

    assert not OutgoingEmail.objects.exists()
    assert not JoinRequest.objects.exists()
    del smtp_server.handler.handle_RCPT  # the server accepts mail again
    with time_machine.travel(timezone.now() + timedelta(days=1)):
        call_command("send_queued_mail", "--all", stdout=StringIO())
    assert smtp_server.messages == []
    assert not OutgoingEmail.objects.exists()


def test_a_successful_send_of_an_erased_email_does_not_restore_it(smtp_server):
    join_request = JoinRequestFactory(full_name="Sam Erased", email="sam@example.org")
    message = queue_about(join_request)
    erase_while_the_server_answers(smtp_server, join_request, "250 OK")

    deliver([message.pk])

    assert not OutgoingEmail.objects.exists()
    assert not OutgoingEmail.objects.filter(text_body__contains="sam@example.org").exists()
