"""Fixtures shared by every test: the demo site, and page builders."""

import pytest
from django.core.cache import cache
from django.test import Client
from wagtail.models import Page, Site

from demo.site import build_site
from home.models import HomePage, HomePageAim
from tests.events.factories import EventIndexPageFactory
from tests.mail_server import (  # noqa: F401 - fixtures for every test
    silent_smtp_host,
    smtp_server,
    smtp_server_down,
    task_worker,
)
from tests.second_factor import ORIGINAL_FORCE_LOGIN, force_login_with_second_factor


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no cached pages or rate-limit counts from another."""
    cache.clear()


@pytest.fixture(autouse=True)
def force_login_passes_the_second_factor(monkeypatch):
    """Tests that log in with `client.force_login` (or pytest-django's `admin_client`) get a
    session that has typed its code, as after a real sign-in: only tests of signing in go
    through the second factor's pages (tests/portal/test_second_factor.py)."""
    monkeypatch.setattr(Client, "force_login", force_login_with_second_factor(ORIGINAL_FORCE_LOGIN))


@pytest.fixture
def demo_home(db):
    """The whole demo site, built exactly as `make run` builds it."""
    return build_site()


@pytest.fixture
def home_page(db):
    """A minimal published home page that is the default site's root."""
    root = Page.get_first_root_node()
    root.get_children().delete()
    home = HomePage(
        title="Test home",
        slug="home",
        hero_title="Test group",
        purpose="<p>To test things.</p>",
    )
    home.aims = [HomePageAim(text="First aim"), HomePageAim(text="Second aim")]
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def events_index(home_page):
    """An empty events listing under the home page."""
    return EventIndexPageFactory(parent=home_page)
