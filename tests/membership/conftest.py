"""Fixtures for the join form tests: a join page, a privacy notice and a valid set of answers."""

import time

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache

from membership.models import MembershipSettings
from portal.antispam import sign_timestamp
from portal.models import SiteSettings
from tests.home.factories import StandardPageFactory
from tests.membership.factories import JoinPageFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """The page cache outlives a test: each test starts with it empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def privacy_page(home_page):
    page = StandardPageFactory(parent=home_page, title="Privacy notice", slug="privacy")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def join_page(home_page, privacy_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.group_name = "Implementation Group"
    site_settings.contact_email = "group@example.org"
    site_settings.privacy_page = privacy_page
    site_settings.save()
    routing = MembershipSettings.for_site(home_page.get_site())
    routing.join_request_recipient = "chair@example.org"
    routing.save()
    return JoinPageFactory(parent=home_page)


@pytest.fixture
def answers():
    """A complete, valid post of the join form, started long enough ago to be a person."""
    return {
        "full_name": "Alex Example",
        "email": "alex@example.org",
        "role": "nurse",
        "role_other": "",
        "organisation": "Example Children's Hospital PICU",
        "region": "scotland",
        "clinically_active": "yes",
        "research_experience": "some",
        "interests": ["education", "grants"],
        "wants_meeting_updates": "on",
        "message": "I would like to help with the implementation strategy.",
        "consent": "on",
        "submission_token": "0b6a4d0e-0c36-4bf5-9a55-6f0c1a1f2f11",
        "form_started": sign_timestamp(time.time() - 60),
        "website": "",
    }


@pytest.fixture
def membership_user(django_user_model):
    """A member of the Membership group created by the migration, and nothing else."""
    user = django_user_model.objects.create_user("membership", password="pw")
    user.groups.add(Group.objects.get(name="Membership"))
    return user


@pytest.fixture
def editor(django_user_model):
    """An ordinary editor: may use the admin, not the join requests."""
    user = django_user_model.objects.create_user("editor", password="pw")
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user
