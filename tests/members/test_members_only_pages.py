"""Pages restricted to the Members group: the public sees the title and how to sign in, a member
reads them, a signed-in person without access gets a clear message, and the page cache never
mixes the two audiences."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client, RequestFactory
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from pagecache.cache import _entry_key, current_generation
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.factories import StandardPageFactory
from tests.library.factories import LibraryIndexPageFactory, ResourcePageFactory
from tests.members.factories import MemberFactory

SECRET = "Minutes of the steering group: the confidential budget"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def minutes(home_page):
    page = StandardPageFactory(
        parent=home_page, title="Minutes, March 2026", slug="minutes", introduction=SECRET
    )
    page.save_revision().publish()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Members"))
    return page


@pytest.fixture
def member_client(client, db):
    member = MemberFactory(full_name="Ada Nurse", joined=True)
    client.force_login(member.user)
    return client


def test_the_public_sees_the_title_and_sign_in_but_no_content(client, minutes):
    response = client.get(minutes.url)

    page = response.content.decode()
    assert response.status_code == 403
    assert "Minutes, March 2026" in page
    assert "/members/sign-in/?next=/minutes/" in page
    assert SECRET not in page
    assert "no-cache" in response["Cache-Control"] or "private" in response["Cache-Control"]


def test_a_member_reads_the_page(member_client, minutes):
    response = member_client.get(minutes.url)

    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_a_signed_in_person_without_access_gets_a_message_not_a_login_loop(
    client, minutes, django_user_model
):
    someone = django_user_model.objects.create_user("someone", password="pw")
    client.force_login(someone)

    response = client.get(minutes.url)

    assert response.status_code == 403
    assert "your account cannot open this page" in response.content.decode()
    assert SECRET not in response.content.decode()


def test_a_member_never_gets_the_public_variant_from_the_cache(client, member_client, minutes):
    anonymous = Client()
    anonymous.get(minutes.url)
    anonymous.get(minutes.url)

    response = member_client.get(minutes.url)

    assert SECRET in response.content.decode()


def test_an_anonymous_reader_never_gets_the_members_variant_from_the_cache(member_client, minutes):
    member_client.get(minutes.url)
    member_client.get(minutes.url)

    response = Client().get(minutes.url)

    assert SECRET not in response.content.decode()
    assert response.status_code == 403


def _cached(path):
    request = RequestFactory().get(path)
    return cache.get(_entry_key(request, current_generation(), False)) is not None


def test_a_public_page_a_member_reads_is_not_stored_for_the_public(member_client, home_page):
    public = StandardPageFactory(parent=home_page, title="About", slug="about")
    public.save_revision().publish()

    member_client.get(public.url)
    stored_for_member = _cached(public.url)
    Client().get(public.url)

    assert not stored_for_member
    assert _cached(public.url)  # the same page, read anonymously, is stored


def test_a_member_is_never_served_the_page_stored_for_the_public(member_client, home_page):
    public = StandardPageFactory(parent=home_page, title="About", slug="about")
    public.save_revision().publish()
    Client().get(public.url)
    Client().get(public.url)
    assert _cached(public.url)
    # Changed behind the cache's back (no signals): the stored copy is now out of date.
    StandardPage.objects.filter(pk=public.pk).update(title="About the group")

    anonymous = Client().get(public.url).content.decode()
    member = member_client.get(public.url).content.decode()

    assert "About the group" not in anonymous  # proof the public copy came from the cache
    assert "About the group" in member


def test_members_only_pages_are_not_in_public_search_or_the_sitemap(client, minutes):
    search = client.get("/search/", {"query": "Minutes"}).content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "/minutes/" not in search
    assert "/minutes/" not in sitemap


def _members_only(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Members"))


def test_members_only_events_and_resources_are_not_in_the_public_feeds(client, home_page):
    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=events, title="Open study day")
    _members_only(EventPageFactory(parent=events, title="Members' workshop"))
    library = LibraryIndexPageFactory(parent=home_page)
    ResourcePageFactory(parent=library, title="Open guideline")
    _members_only(ResourcePageFactory(parent=library, title="Members' draft paper"))

    calendar = client.get("/events/feed.ics").content.decode()
    atom = client.get(library.url + "feed/").content.decode()

    assert "Open study day" in calendar and "Members' workshop" not in calendar
    assert "Open guideline" in atom and "Members" not in atom
