"""Fixtures for the editorial tests: a small site with every section, and a user per role."""

import pytest
from django.contrib.auth.models import Group

from portal.models import SiteSettings
from tests.events.factories import EventIndexPageFactory
from tests.library.factories import LibraryIndexPageFactory
from tests.membership.factories import JoinPageFactory

PASSWORD = "correct horse battery staple"


@pytest.fixture
def site_sections(home_page):
    """The home page with its events index, library and join page, all published."""
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.contact_email = "group@example.org"
    site_settings.save()
    return {
        "home": home_page,
        "events": EventIndexPageFactory(parent=home_page),
        "library": LibraryIndexPageFactory(parent=home_page),
        "join": JoinPageFactory(parent=home_page),
    }


@pytest.fixture
def make_user(django_user_model):
    """A user in the named groups, as created by the migrations, and with nothing else."""

    def make(username, *groups):
        user = django_user_model.objects.create_user(
            username, email=f"{username}@example.org", password=PASSWORD
        )
        user.groups.add(*(Group.objects.get(name=name) for name in groups))
        return user

    return make


@pytest.fixture
def editor(make_user):
    return make_user("editor", "Editors")


@pytest.fixture
def moderator(make_user):
    return make_user("moderator", "Moderators")


@pytest.fixture
def membership_user(make_user):
    return make_user("membership", "Membership")


@pytest.fixture
def client_for(client):
    """The test client, logged in as the given user."""

    def log_in(user):
        client.force_login(user)
        return client

    return log_in
