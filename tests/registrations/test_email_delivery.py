"""Registration emails show their delivery as join requests' do: organisers see what failed."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.contenttypes.models import ContentType

from outbox.mail import deliver
from outbox.models import OutgoingEmail
from registrations import emails
from registrations.models import Registration
from tests.registrations.factories import RegistrationFactory


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture
def refused(event, smtp_server):
    """A registration whose confirmation the mail server refused for good, and one delivered."""
    failed = RegistrationFactory(event=event, full_name="Ada Refused", email="ada@example.org")
    emails.queue_confirmation(failed)
    smtp_server.refuse_recipients()
    deliver()
    smtp_server.refuse_recipients(False)
    delivered = RegistrationFactory(event=event, full_name="Ben Delivered", email="ben@example.org")
    emails.queue_confirmation(delivered)
    deliver()
    return failed


def test_the_attendee_list_shows_and_filters_email_delivery(client, organiser, refused):
    client.force_login(organiser)

    everyone = text(client.get("/admin/registrations/registration/"))
    failed_only = text(client.get("/admin/registrations/registration/?delivery=failed"))

    assert "Email delivery" in everyone
    assert "Failed: not delivered" in everyone
    assert "Ben Delivered" in everyone
    assert "Ada Refused" in failed_only
    assert "Ben Delivered" not in failed_only


def test_the_organisers_dashboard_counts_failed_registration_emails(client, organiser, refused):
    client.force_login(organiser)

    assert "1 registration with a failed email" in text(client.get("/admin/"))


def test_an_organiser_can_send_a_failed_email_again(client, organiser, refused, smtp_server):
    client.force_login(organiser)
    inspect = client.get(f"/admin/registrations/registration/inspect/{refused.pk}/")
    assert "Try sending again" in text(inspect)

    content_type = ContentType.objects.get_for_model(Registration)
    client.post(f"/admin/outbox/retry/{content_type.pk}/{refused.pk}/")
    deliver()

    assert refused.outbox_messages().get().status == OutgoingEmail.Status.SENT
    assert smtp_server.to("ada@example.org")
