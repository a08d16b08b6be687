"""Each role signs in to an admin shaped for it: every menu item it is shown opens something it
may use (none answers "Sorry, you do not have permission"), and its dashboard leads with its own
work (portal/roles.py, docs/roles.md)."""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from events.models import EventPage
from home.models import HomePage
from outbox.mail import queue_email
from outbox.models import OutgoingEmail
from registrations.models import Registration
from tests.browser.conftest import LAPTOPS, sign_in_as
from tests.membership.factories import JoinRequestFactory

pytestmark = [pytest.mark.browser]

laptops = pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size['width']}px")
ROLES = ["Editors", "Moderators", "Membership", "Event organisers"]
REFUSED = "you do not have permission"


def menu_links(page):
    """Every link in the sidebar menu, opening each submenu as a person would."""
    sidebar = page.locator("[data-wagtail-sidebar] nav, .sidebar nav").first
    links = {}
    items = sidebar.locator(".sidebar-menu-item__link")
    for index in range(items.count()):
        item = items.nth(index)
        if item.evaluate("element => element.tagName") == "A":
            links[item.inner_text().strip()] = item.get_attribute("href")
            continue
        if not item.is_visible():
            continue
        label = item.inner_text().strip()
        item.click()
        submenu = sidebar.locator(".sidebar-sub-menu-panel").filter(visible=True)
        try:
            submenu.first.wait_for(timeout=2_000)
        except PlaywrightTimeoutError:
            continue  # a button that opens no submenu (the shortcuts dialog)
        for text, href in submenu.locator("a.sidebar-menu-item__link").evaluate_all(
            "links => links.map(link => [link.innerText.trim(), link.getAttribute('href')])"
        ):
            links[f"{label} → {text}"] = href
        item.click()  # closes it again
    return links


@laptops
@pytest.mark.parametrize("role", ROLES)
def test_every_menu_item_a_role_sees_opens_something_it_may_use(account_in, page, screen, role):
    account_in(role)
    page.set_viewport_size(screen)
    sign_in_as(page, role.lower())

    links = menu_links(page)
    assert links, "the menu shows nothing"
    outside = {label for label, href in links.items() if href.startswith("http")}
    assert not outside, f"{role} are sent off the site by {outside}"
    refused = []
    for label, href in links.items():
        if not href.startswith("/"):
            continue
        response = page.goto(href)
        if response.status == 403 or REFUSED in page.locator("body").inner_text().lower():
            refused.append(label)
    assert not refused, f"{role} are shown menu items that refuse them: {refused}"


def dashboard_panels(page):
    """The dashboard's panel headings, top to bottom, after the site summary."""
    headings = page.locator("main .w-panel__heading").all_inner_texts()
    return [text.strip() for text in headings if text.strip() not in ("", "Site summary")]


@pytest.fixture
def failed_email_to_a_registered_person(demo_pages):
    registration = Registration.objects.filter(
        event__registration=EventPage.RegistrationMode.PORTAL,
        status=Registration.Status.REGISTERED,
    ).first()
    queue_email(
        recipient=registration.email,
        subject="Example",
        text_body="Example",
        about=registration,
        send_now=False,
    )
    OutgoingEmail.objects.filter(recipient=registration.email).update(
        status=OutgoingEmail.Status.FAILED
    )
    return registration


@laptops
def test_an_event_organisers_dashboard_shows_coming_events_places_and_failed_emails(
    account_in, failed_email_to_a_registered_person, page, screen
):
    account_in("Event organisers")
    event = failed_email_to_a_registered_person.event
    page.set_viewport_size(screen)
    sign_in_as(page, "event organisers")

    assert dashboard_panels(page)[0] == "Your coming events"
    panel = page.locator("#organiser-events-content")
    row = panel.get_by_role("row").filter(has_text=event.title).first
    expect(row).to_contain_text(f"of {event.places}")
    expect(row).to_contain_text("1 failed")
    row.get_by_role("link", name=event.title).click()
    expect(page.locator("main")).to_contain_text(failed_email_to_a_registered_person.full_name)


@laptops
def test_the_membership_dashboard_leads_with_new_join_requests_and_failed_emails(
    account_in, page, screen
):
    account_in("Membership")
    request = JoinRequestFactory(full_name="Example Applicant", email="applicant@example.org")
    queue_email(
        recipient=request.email,
        subject="Example",
        text_body="Example",
        about=request,
        send_now=False,
    )
    OutgoingEmail.objects.filter(recipient=request.email).update(status=OutgoingEmail.Status.FAILED)
    page.set_viewport_size(screen)
    sign_in_as(page, "membership")

    panels = dashboard_panels(page)
    assert panels[:2] == ["New join requests", "Emails that failed"], panels
    expect(page.locator("main")).to_contain_text("Example Applicant")
    page.get_by_role("link", name="1 join request with a failed email").click()
    expect(page.locator("main")).to_contain_text("Example Applicant")


@laptops
def test_a_moderators_dashboard_leads_with_what_awaits_review(account_in, page, screen):
    editor = account_in("Editors")
    account_in("Moderators")
    home = HomePage.objects.get()
    home.save_revision(user=editor)
    home.get_workflow().start(home, editor)
    page.set_viewport_size(screen)
    sign_in_as(page, "moderators")

    assert dashboard_panels(page)[0] == "Awaiting your review"
