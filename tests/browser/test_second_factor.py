"""In Chromium, under the admin's Content-Security-Policy: a superuser signs in, sets up an
authenticator app from the QR code's key, reaches the admin, and next time types a code."""

import base64

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import AXE_OPTIONS, describe
from tests.second_factor import code_from_key

pytestmark = pytest.mark.browser

USERNAME = "chair"
PASSWORD = "a long password for the second factor test"


@pytest.fixture
def chair(demo_pages, django_user_model):
    """A superuser with no authenticator yet, made before the browser starts."""
    return django_user_model.objects.create_superuser(USERNAME, password=PASSWORD)


def sign_in_with_password(page):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_setting_up_an_authenticator_then_signing_in_with_a_code(chair, page, screenshot_dir):
    sign_in_with_password(page)

    page.wait_for_url("**/admin/second-factor/set-up/**")
    qr_code = page.get_by_role("img", name="QR code for setting up your authenticator app")
    # Drawn, not blocked: the admin's policy allows data: images.
    assert qr_code.evaluate("image => image.complete && image.naturalWidth > 0")
    page.screenshot(path=screenshot_dir / "admin-second-factor-set-up-1280.png", full_page=True)
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe("the set-up page", violations)
    key = base64.b32decode(page.locator("#second-factor-key").inner_text().replace(" ", ""))
    page.get_by_label("Code from your authenticator app").fill(code_from_key(key))
    page.get_by_role("button", name="Set up and continue").click()

    page.wait_for_url("**/admin/")
    assert page.get_by_role("heading", level=1).first.is_visible()

    # Next time: password, then the code the app shows (the one just used is spent).
    page.context.clear_cookies()
    sign_in_with_password(page)
    page.wait_for_url("**/admin/second-factor/?next=**")
    violations = Axe().run(page, options=AXE_OPTIONS).response["violations"]
    assert not violations, describe("the code page", violations)
    page.get_by_label("Code from your authenticator app").fill(code_from_key(key, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()

    page.wait_for_url("**/admin/")
    page.goto("/admin/membership/joinrequest/")
    assert "/admin/membership/joinrequest/" in page.url
