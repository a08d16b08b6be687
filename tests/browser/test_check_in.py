"""An organiser checks people in on a phone: the screen fits, and a tap marks attendance."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from events.models import EventPage
from registrations.models import Registration
from tests.browser.admin_sign_in import sign_in
from tests.second_factor import authenticator

pytestmark = pytest.mark.browser

USERNAME = "organiser"
PASSWORD = "a long password for the check-in test"
PHONE = {"width": 320, "height": 700}


@pytest.fixture
def event_with_people(demo_pages, django_user_model):
    """An Event organiser and two people registered, made before the browser starts."""
    user = django_user_model.objects.create_user(USERNAME, password=PASSWORD)
    user.groups.add(Group.objects.get(name="Event organisers"))
    device = authenticator(user)
    event = EventPage.objects.get(
        registration=EventPage.RegistrationMode.PORTAL, slug__startswith="example"
    )
    for name in ("Example Arrival With A Rather Long Name", "Example Latecomer"):
        Registration.objects.create(
            event=event,
            full_name=name,
            email=f"{name.split()[1].lower()}@example.org",
            role="Nurse",
            organisation="Example Children's Hospital Paediatric Intensive Care Unit",
            consent_given_at=timezone.now(),
            privacy_notice_version="Privacy notice (example)",
        )
    event.organisers_authenticator = device
    return event


def test_check_in_works_on_a_phone(event_with_people, page):
    page.set_viewport_size(PHONE)
    sign_in(page, USERNAME, PASSWORD, device=event_with_people.organisers_authenticator)

    page.goto(f"/admin/registrations/events/{event_with_people.pk}/check-in/")
    page.get_by_label("Find by name or email").fill("arrival")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("button", name="Check in Example Arrival").click()

    row = page.locator(".check-in__person").filter(has_text="Example Arrival")
    assert "Checked in" in row.inner_text()
    assert Registration.objects.get(email="arrival@example.org").status == "attended"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
