"""Fixtures for notifications: a site with events, valid sign-up answers, and admin users."""

import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.utils import timezone

from events.models import EventPage, EventType
from portal.antispam import sign_timestamp
from portal.models import SiteSettings
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.factories import StandardPageFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The page cache outlives a test: each test starts with it empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def clock(time_machine):
    """A clock tests can move forward with `clock.shift(seconds)`; it starts now and ticks."""
    time_machine.move_to(timezone.now())
    return time_machine


@pytest.fixture
def site_settings(home_page):
    privacy = StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    privacy.save_revision().publish()
    settings = SiteSettings.for_site(home_page.get_site())
    settings.group_name = "Implementation Group"
    settings.contact_email = "group@example.org"
    settings.privacy_page = privacy
    settings.save()
    return settings


@pytest.fixture
def events_index(home_page, site_settings):
    return EventIndexPageFactory(parent=home_page)


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return EventPage.objects.select_related("event_type").get(pk=page.pk)


@pytest.fixture
def meeting(events_index):
    """A published group meeting, online, next week."""
    return publish(
        EventPageFactory(
            parent=events_index,
            title="Spring meeting of the group",
            slug="spring-meeting",
            event_type=EventType.objects.get(slug="meeting"),
            joining_link="https://meet.example.org/spring",
            registration_url="https://tickets.example.org/spring",
        )
    )


@pytest.fixture
def webinar(events_index):
    """A published educational event, in person."""
    return publish(
        EventPageFactory(
            parent=events_index,
            title="Sedation in the PICU: a webinar",
            slug="sedation-webinar",
            event_type=EventType.objects.get(slug="webinar"),
            format=EventPage.Format.IN_PERSON,
            joining_details="",
            venue_name="Example Lecture Theatre",
            venue_address="1 Example Street\nExampletown",
        )
    )


@pytest.fixture
def answers():
    """A valid post of the sign-up form, started long enough ago to be a person."""
    return {
        "signup-email": "Sam.Example@Example.org",
        "signup-name": "Sam Example",
        "signup-interests": "all",
        "signup-form_started": sign_timestamp(time.time() - 60),
        "signup-website": "",
    }


def admin_user(django_user_model, username, group=None):
    user = django_user_model.objects.create_user(username, password="pw")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    return admin_user(django_user_model, "editor", "Editors")


@pytest.fixture
def moderator(django_user_model):
    return admin_user(django_user_model, "moderator", "Moderators")


@pytest.fixture
def membership_user(django_user_model):
    return admin_user(django_user_model, "membership", "Membership")
