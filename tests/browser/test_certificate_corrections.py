"""An organiser corrects the name on a certificate and sends it again, then revokes it."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from events.models import EventPage
from outbox.models import OutgoingEmail
from registrations import certificates
from registrations.models import Certificate, Registration
from tests.browser.admin_sign_in import sign_in
from tests.browser.test_accessibility import AXE_OPTIONS, describe
from tests.second_factor import authenticator

pytestmark = pytest.mark.browser

USERNAME = "organiser"
PASSWORD = "a long password for the certificate test"


@pytest.fixture
def certificate(demo_pages, django_user_model):
    """An Event organiser and one attendee's certificate, made before the browser starts."""
    user = django_user_model.objects.create_user(USERNAME, password=PASSWORD)
    user.groups.add(Group.objects.get(name="Event organisers"))
    authenticator(user)
    event = EventPage.objects.get(
        registration=EventPage.RegistrationMode.PORTAL, slug__startswith="example"
    )
    registration = Registration.objects.create(
        event=event,
        full_name="Gwenllian ap Dwr",
        email="gwenllian@example.org",
        role="Nurse",
        organisation="Example Children's Hospital",
        consent_given_at=timezone.now(),
        privacy_notice_version="Privacy notice (example)",
        status=Registration.Status.ATTENDED,
    )
    return certificates.issue(registration)


def test_organiser_corrects_a_name_then_revokes_the_certificate(certificate, page):
    # Organisers see people's details, so they sign in with a code too.
    sign_in(page, USERNAME, PASSWORD, device=TOTPDevice.objects.get(user__username=USERNAME))

    page.goto(f"/admin/registrations/events/{certificate.event_id}/certificates/")
    page.get_by_role("link", name="Correct or revoke the certificate of Gwenllian ap Dwr").click()
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe("the certificate screen", violations)
    page.get_by_label("Name on the certificate").fill("Gwenllian ap Dŵr")
    page.get_by_role("button", name="Save and send again").click()

    page.get_by_text("is being sent again to gwenllian@example.org").wait_for()
    page.get_by_role("cell", name="Gwenllian ap Dŵr", exact=True).wait_for()
    assert OutgoingEmail.objects.filter(recipient="gwenllian@example.org").count() == 1

    page.get_by_role("link", name="Correct or revoke the certificate of Gwenllian ap Dŵr").click()
    page.get_by_role("button", name="Revoke certificate").click()
    page.get_by_text("Tick to confirm that the certificate should be revoked").wait_for()
    page.get_by_label("I understand that the certificate will no longer be valid").check()
    page.get_by_role("button", name="Revoke certificate").click()

    page.get_by_text(f"Certificate {certificate.number} revoked").wait_for()
    assert Certificate.objects.get(pk=certificate.pk).revoked_at is not None
    page.goto(f"/certificates/{certificate.number}/")
    page.get_by_role("heading", name="This certificate was revoked").wait_for()
