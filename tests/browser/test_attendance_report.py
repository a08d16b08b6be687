"""An organiser on a laptop takes attendance from a Teams report: upload, check, mark."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from events.models import EventPage
from registrations.models import Registration
from tests.browser.admin_sign_in import sign_in
from tests.browser.conftest import LAPTOPS
from tests.second_factor import authenticator

pytestmark = pytest.mark.browser

USERNAME = "organiser"
PASSWORD = "a long password for the attendance report test"
TEAMS_REPORT = (
    Path(__file__).parent.parent
    / "registrations"
    / "attendance_reports"
    / "teams_attendance_list.csv"
)


@pytest.fixture
def online_event(demo_pages, django_user_model):
    """An Event organiser and two people registered for the demo's online example."""
    user = django_user_model.objects.create_user(USERNAME, password=PASSWORD)
    user.groups.add(Group.objects.get(name="Event organisers"))
    device = authenticator(user)
    event = EventPage.objects.get(
        registration=EventPage.RegistrationMode.PORTAL, slug__startswith="example"
    )
    for name, email in (
        ("Alex Example", "alex@example.org"),
        ("Brief Visitor", "brief@example.org"),
    ):
        Registration.objects.create(
            event=event,
            full_name=name,
            email=email,
            role="Nurse",
            organisation="Example Children's Hospital Paediatric Intensive Care Unit",
            consent_given_at=timezone.now(),
            privacy_notice_version="Privacy notice (example)",
        )
    event.organisers_authenticator = device
    return event


@pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size['width']}px")
def test_an_organiser_marks_attendance_from_a_teams_report(online_event, page, screen):
    page.set_viewport_size(screen)
    sign_in(page, USERNAME, PASSWORD, device=online_event.organisers_authenticator)

    page.goto("/admin/registrations/events/")
    page.get_by_role("link", name=f"Attendance report for “{online_event.title}”").click()
    page.get_by_label("Attendance report").set_input_files(TEAMS_REPORT)
    page.get_by_label("Minimum share of the meeting (%)").fill("75")
    page.get_by_role("button", name="Check the report").click()

    matches = page.get_by_role("table", name="People registered with a place who are in the report")
    expect(matches).to_contain_text("Alex Example")
    expect(matches).to_contain_text("96%")
    expect(matches).to_contain_text("Below 75%: not marked")
    unmatched = page.get_by_role("table", name="Rows of the report not matched to a place")
    expect(unmatched).to_contain_text("walkin@example.org")
    assert page.evaluate("document.documentElement.scrollWidth") <= screen["width"]

    page.get_by_role("button", name="Mark 1 person attended").click()

    expect(page.locator(".messages")).to_contain_text("1 person marked as attended")
    assert Registration.objects.get(email="alex@example.org").status == "attended"
    assert Registration.objects.get(email="brief@example.org").status == "registered"
