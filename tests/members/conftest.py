"""Fixtures for members: an accepted join request, the Membership team and the site's details."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client

from membership.models import JoinRequest
from portal.models import SiteSettings
from tests.membership.factories import JoinRequestFactory


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def site_details(home_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.group_name = "Implementation Group"
    site_settings.contact_email = "group@example.org"
    site_settings.save()
    return site_settings


@pytest.fixture
def accepted(db, site_details):
    return JoinRequestFactory(
        full_name="Alex Example",
        email="alex@example.org",
        organisation="Example Children's Hospital PICU",
        status=JoinRequest.Status.ACCEPTED,
    )


@pytest.fixture
def membership_user(django_user_model):
    user = django_user_model.objects.create_user("membership", password="pw")
    user.groups.add(Group.objects.get(name="Membership"))
    return user


@pytest.fixture
def membership_client(membership_user):
    """The Membership team's browser: a client apart from `client`, the applicant's."""
    team = Client()
    team.force_login(membership_user)
    return team
