"""Nothing is lost: a mail server that is down or refuses never costs a join request."""

from io import StringIO

from django.core.management import call_command

from membership.models import JoinRequest
from outbox.mail import emails_about
from outbox.models import DeliveryState, OutgoingEmail


def test_server_down_still_saves_the_request_and_thanks_the_visitor(
    client, join_page, answers, smtp_server_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(join_page.url, answers)

    assert response.status_code == 302
    assert client.get(response["Location"]).status_code == 200
    join_request = JoinRequest.objects.get()
    emails = list(emails_about(join_request))
    assert len(emails) == 2
    assert all(email.status == OutgoingEmail.Status.PENDING for email in emails)
    assert all("ConnectionRefusedError" in email.last_error for email in emails)
    assert join_request.delivery_state() == DeliveryState.WAITING


def test_the_retry_delivers_once_the_server_is_back(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    with smtp_server.down(), django_capture_on_commit_callbacks(execute=True):
        client.post(join_page.url, answers)
    assert smtp_server.messages == []

    call_command("send_queued_mail", "--all", stdout=StringIO())

    assert len(smtp_server.to("chair@example.org")) == 1
    # The receipt, and the confirmation asked for by "Tell me about upcoming meetings".
    assert len(smtp_server.to("alex@example.org")) == 2
    assert JoinRequest.objects.get().delivery_state() == DeliveryState.SENT

    call_command("send_queued_mail", "--all", stdout=StringIO())

    assert len(smtp_server.messages) == 3


def test_a_server_that_refuses_the_address_for_good_fails_the_email_at_once(
    client, join_page, answers, smtp_server, django_capture_on_commit_callbacks
):
    smtp_server.refuse_recipients()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(join_page.url, answers)

    assert response.status_code == 302
    email = emails_about(JoinRequest.objects.get()).get(recipient="chair@example.org")
    assert email.status == OutgoingEmail.Status.FAILED
    assert "550" in email.last_error
    assert JoinRequest.objects.get().delivery_state() == DeliveryState.FAILED


def test_the_admin_list_shows_requests_still_waiting_for_delivery(
    admin_client, join_page, answers, smtp_server_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client_response = admin_client.post(join_page.url, answers)
    assert client_response.status_code == 302

    response = admin_client.get("/admin/membership/joinrequest/?delivery=waiting")

    assert "Alex Example" in response.content.decode()
    assert "Waiting to be sent" in response.content.decode()
