"""Fixtures for the browser suite: headless Chromium, the site served with its demo content.

Tests use pytest-django's `live_server`, which makes them transactional: the database is
emptied after each test, so each test loads the demo content again, with Django's serialized
rollback first restoring what the migrations created (root page, collections, user groups).
Each test checks every covered page in one go (a subtest per page), so the suite loads the
content a handful of times, not once per page.
"""

import shutil

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connections
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import sync_playwright

from events.models import EventIndexPage
from portal.antispam import AntiSpamFormMixin
from portal.second_factor import needs_second_factor
from tests.browser.admin_sign_in import sign_in
from tests.browser.csp import watch_csp_violations
from tests.browser.pages import load_covered_site
from tests.browser.tools import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, require
from tests.second_factor import authenticator

DESKTOP = {"width": 1280, "height": 900}
# The laptop screens editors use: tests of the admin run at both.
LAPTOPS = [{"width": 1024, "height": 768}, {"width": 1280, "height": 800}]
MODERATOR_USERNAME = "moderator"
MODERATOR_PASSWORD = "a long password for the browser test"


@pytest.fixture(autouse=True)
def forms_take_answers_at_test_speed(monkeypatch):
    """Public forms turn away posts sent within seconds, and more than a few an hour from one
    address, as bots'; these tests send forms at once and often, all from 127.0.0.1."""
    monkeypatch.setattr(AntiSpamFormMixin, "min_seconds_to_fill", 0)
    cache.clear()


@pytest.fixture(autouse=True)
def media_files_in_a_temporary_folder(settings, tmp_path):
    """Each load of the demo content uploads images and documents: keep them out of var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo_pages(live_server, django_db_serialized_rollback):
    """The demo site served by the live server; returns the pages every check covers."""
    return load_covered_site()


@pytest.fixture
def chromium():
    """Headless Chromium. Tests that use the database must request their database fixtures
    (such as `demo_pages`) before this one.

    While Playwright runs, its event loop counts as running in this thread, so Django hands
    out a second database connection here that knows nothing of the test database's
    serialized state: database set-up and teardown must happen outside that time. Hence a
    browser per test (under a second to start), not one per session.
    """
    require(CHROMIUM.exists(), f"Chromium ({CHROMIUM})", "apt-get install chromium")
    # Django refuses ORM calls while an event loop runs; these calls are still synchronous.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
            # The second connection, or PostgreSQL could not drop the test database at the end.
            connections.close_all()


def _new_context(chromium, live_server, **options):
    context = chromium.new_context(base_url=live_server.url, viewport=DESKTOP, **options)
    context.set_default_timeout(10_000)
    return context


def _new_page(context):
    """A tab that fails its test on any Content-Security-Policy violation, public or admin."""
    tab = context.new_page()
    tab.csp_violations = watch_csp_violations(tab)
    return tab


def _close(context, tab):
    violations = list(tab.csp_violations)
    context.close()
    assert not violations, "Content-Security-Policy violations:\n" + "\n".join(violations)


@pytest.fixture
def page(demo_pages, chromium, live_server):
    """A tab on the demo site, desktop-sized (tests resize it), in a fresh browser context."""
    context = _new_context(chromium, live_server)
    tab = _new_page(context)
    yield tab
    _close(context, tab)


@pytest.fixture
def page_without_javascript(demo_pages, chromium, live_server):
    context = _new_context(chromium, live_server, java_script_enabled=False)
    tab = _new_page(context)
    yield tab
    _close(context, tab)


@pytest.fixture
def blank_page(chromium):
    """A tab with no site behind it, for checking the checks on pages a test writes itself."""
    page = chromium.new_page()
    yield page
    page.close()


@pytest.fixture(scope="session")
def screenshot_dir():
    path = ARTIFACTS / "screenshots"
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture(scope="session")
def java():
    path = shutil.which("java")
    require(path, "Java (for the Nu HTML Checker)", "apt-get install default-jre-headless")
    return path


@pytest.fixture
def moderator_account(demo_pages, django_user_model):
    """A Moderator (an editor who may publish), made before the browser starts."""
    user = django_user_model.objects.create_user(MODERATOR_USERNAME, password=MODERATOR_PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def account_in(demo_pages, django_user_model):
    """Makes an account in one of the roles (portal/roles.py), before the browser starts;
    its username is the role's name in lower case, e.g. "event organisers"."""

    def make(role):
        user = django_user_model.objects.create_user(
            role.lower(), password=MODERATOR_PASSWORD, first_name=role
        )
        user.groups.add(Group.objects.get(name=role))
        if needs_second_factor(user):
            authenticator(user)
        return user

    return make


def sign_in_as(page, username, password=MODERATOR_PASSWORD):
    """Sign in with the form, typing the authenticator's code if the account has one."""
    device = TOTPDevice.objects.filter(user__username=username, confirmed=True).first()
    sign_in(page, username, password, device=device)


@pytest.fixture
def events_listing(demo_pages):
    return EventIndexPage.objects.live().get().url


@pytest.fixture
def visitor(chromium, live_server):
    """A second browser with no admin login, as a member of the public."""
    context = chromium.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    violations = watch_csp_violations(tab)
    yield tab
    context.close()
    assert not violations, violations


@pytest.fixture
def no_autosave(settings):
    """Wagtail's editor saves a draft in the background moments after each change; its request
    and a click on Publish would reach the in-memory SQLite test database at the same time,
    which refuses the second writer instead of waiting."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
