"""Failed emails are shown to those who may see whom they were for, and can be sent again."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType

from membership.models import JoinRequest
from outbox.mail import deliver, queue_email
from outbox.models import OutgoingEmail
from tests.membership.factories import JoinRequestFactory
from tests.notifications.factories import SubscriberFactory


@pytest.fixture
def refused(db, smtp_server):
    """A join request and a subscriber whose emails the server refused for good."""
    join_request = JoinRequestFactory(full_name="Ada Refused", email="ada@example.org")
    subscriber = SubscriberFactory(email="ben@example.org")
    queue_email(
        recipient="chair@example.org",
        subject="s",
        text_body="t",
        about=join_request,
        send_now=False,
    )
    queue_email(
        recipient="ben@example.org", subject="s", text_body="t", about=subscriber, send_now=False
    )
    smtp_server.refuse_recipients()
    deliver()
    smtp_server.refuse_recipients(False)
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {"failed"}
    return {"join_request": join_request, "subscriber": subscriber}


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def test_the_admin_lists_show_failed_delivery(client_for, membership_user, refused):
    client = client_for(membership_user)

    join_requests = text(client.get("/admin/membership/joinrequest/?delivery=failed"))
    subscribers = text(client.get("/admin/notifications/subscriber/?delivery=failed"))

    assert "Ada Refused" in join_requests
    assert "Failed: not delivered" in join_requests
    assert "ben@example.org" in subscribers
    assert "Failed: not delivered" in subscribers


def test_the_dashboard_shows_failed_emails_to_the_membership_group_only(
    client_for, membership_user, editor, moderator, refused
):
    dashboard = text(client_for(membership_user).get("/admin/"))
    assert "Emails that failed" in dashboard
    assert "1 join request with a failed email" in dashboard
    assert "1 subscriber with a failed email" in dashboard

    for user in (editor, moderator):
        assert "Emails that failed" not in text(client_for(user).get("/admin/"))


@pytest.mark.parametrize("kind", ["join_request", "subscriber"])
def test_a_failed_email_is_sent_again_from_the_inspect_page(
    client_for, membership_user, refused, smtp_server, django_capture_on_commit_callbacks, kind
):
    client = client_for(membership_user)
    about = refused[kind]
    inspect = f"/admin/{about._meta.app_label}/{about._meta.model_name}/inspect/{about.pk}/"
    page = BeautifulSoup(client.get(inspect).content, "html.parser")
    form = page.find("button", string="Try sending again").find_parent("form")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(form["action"], {"next": inspect})

    assert response.status_code == 302
    assert response["Location"] == inspect
    assert len(smtp_server.messages) == 1
    assert about.delivery_state() == "sent"


def test_people_who_may_not_see_the_person_cannot_retry(client_for, editor, refused):
    join_request = refused["join_request"]
    content_type = ContentType.objects.get_for_model(JoinRequest)

    response = client_for(editor).post(f"/admin/outbox/retry/{content_type.pk}/{join_request.pk}/")

    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's refusal
    assert OutgoingEmail.objects.filter(status="failed").count() == 2
