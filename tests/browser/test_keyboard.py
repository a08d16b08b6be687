"""A keyboard alone reaches everything, focus is always visible, and the join form can be sent."""

import pytest

from membership.models import JoinRequest
from tests.browser.keyboard import Keyboard
from tests.browser.pages import visit

pytestmark = pytest.mark.browser

# One page of each template: tabbing through every state would only repeat them.
TEMPLATES = [
    "Home",
    "Standard page",
    "Site search: results",
    "Page not found",
    "Events: filtered",
    "Event: in person and online",
    "Library: filters",
    "Resource: with a document",
    "Join: form sent with errors",
    "Join: thank you",
    "Notifications: sign-up sent with errors",
]


def test_keyboard_alone_reaches_everything_and_focus_is_always_visible(demo_pages, page, subtests):
    with subtests.test(msg="skip link"):
        skip_link_is_the_first_stop_and_moves_focus_to_the_content(page)
    by_name = {covered.name: covered for covered in demo_pages}
    for name in TEMPLATES:
        with subtests.test(msg=name):
            visit(page, by_name[name])
            page.evaluate("document.activeElement.blur()")
            keyboard = Keyboard(page)
            keyboard.start()
            stops = keyboard.tab_through_page()
            assert len(stops) >= 5, f"only {stops} reached by Tab"
            assert not keyboard.problems, "Focus problems:\n" + "\n".join(keyboard.problems)
    with subtests.test(msg="join form completed with the keyboard alone"):
        join_form_can_be_completed_with_the_keyboard_alone(page, by_name["Join: form"].path)


def skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    page.goto("/events/")
    keyboard = Keyboard(page)
    keyboard.start()

    keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("el => el === document.activeElement")
    assert skip_link.is_visible()
    keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "main-content"
    keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")
    assert not keyboard.problems, "\n".join(keyboard.problems)


def test_focus_check_reports_an_invisible_indicator(blank_page):
    """Guards the check itself: a page that hides focus must not pass."""
    blank_page.set_content(
        "<style>a:focus { outline: none; } button:focus { box-shadow: 0 0 0 4px gold; }</style>"
        '<a href="#a">Hidden focus</a> <a href="#b" style="outline: 3px solid">Always outlined</a>'
        "<button>Shadow on focus</button>"
    )
    keyboard = Keyboard(blank_page)
    keyboard.start()

    keyboard.tab_through_page()

    assert len(keyboard.problems) == 2, keyboard.problems
    assert all("no visible focus indicator" in problem for problem in keyboard.problems)


def join_form_can_be_completed_with_the_keyboard_alone(page, join_path):
    page.goto(join_path)
    keyboard = Keyboard(page)
    keyboard.start()

    # Sent with nothing filled in: focus lands on the error summary, whose links lead back.
    keyboard.tab_until("#join-form button[type=submit]")
    keyboard.press_and_load("Enter")
    summary = page.locator(".error-summary")
    assert summary.evaluate("el => el === document.activeElement"), "focus is not on the summary"
    assert "There is a problem" in summary.inner_text()
    keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Enter your full name"
    keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "full_name"

    # Answering every question with keys alone.
    page.keyboard.type("Alex Example")
    keyboard.press("Tab")
    page.keyboard.type("alex@example.org")
    keyboard.tab_until("input[name=role]")
    keyboard.press("ArrowDown")  # from the first role, Nurse, to Doctor
    keyboard.tab_until("input[name=organisation]")
    page.keyboard.type("Example children's hospital PICU")
    keyboard.tab_until("input[name=region]")
    keyboard.press("Space")
    keyboard.tab_until("input[name=clinically_active]")
    keyboard.press("Space")
    keyboard.tab_until("input[name=research_experience]")
    keyboard.press("ArrowDown")
    keyboard.tab_until("input[name=interests]")
    keyboard.press("Space")
    keyboard.tab_until("input[name=consent]")
    keyboard.press("Space")
    keyboard.tab_until("#join-form button[type=submit]")
    keyboard.press_and_load("Enter")

    page.wait_for_url(f"**{join_path}thank-you/")
    assert "Request sent" in page.locator("h1").inner_text()
    request = JoinRequest.objects.get()
    assert (request.full_name, request.email, request.role) == (
        "Alex Example",
        "alex@example.org",
        JoinRequest.Role.DOCTOR,
    )
    assert request.clinically_active is True
    assert request.research_experience == JoinRequest.ResearchExperience.SOME
    assert request.interests == [JoinRequest.Interest.EDUCATION]
    assert not keyboard.problems, "Focus problems:\n" + "\n".join(keyboard.problems)
