"""Fixtures for registration tests: a published event with places, a privacy notice, answers."""

import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from portal.antispam import sign_timestamp
from portal.models import SiteSettings
from tests.home.factories import StandardPageFactory
from tests.registrations.factories import RegistrationEventFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_settings(home_page):
    privacy = StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    privacy.save_revision().publish()
    settings = SiteSettings.for_site(home_page.get_site())
    settings.group_name = "Implementation Group"
    settings.chair_name = "Dr Chair Example"
    settings.contact_email = "group@example.org"
    settings.privacy_page = privacy
    settings.save()
    return settings


@pytest.fixture
def event(events_index, site_settings):
    event = RegistrationEventFactory(parent=events_index, title="Spring meeting")
    event.save_revision().publish()
    event.refresh_from_db()
    return event


@pytest.fixture
def answers():
    """A complete, valid post of the registration form, started long enough ago."""
    return {
        "full_name": "Alex Example",
        "email": "Alex@Example.org",
        "role": "Paediatric intensive care nurse",
        "organisation": "Example Children's Hospital",
        "needs": "Vegetarian lunch",
        "consent": "on",
        "form_started": sign_timestamp(time.time() - 60),
        "website": "",
    }


@pytest.fixture
def organiser(django_user_model):
    user = django_user_model.objects.create_user("organiser", password="pw")
    user.groups.add(Group.objects.get(name="Event organisers"))
    return user


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user
