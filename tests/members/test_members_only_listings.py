"""Listings show a member the members-only pages they may open, marked "Members only", and show
everyone else only public pages; documents in a members-only collection answer as members-only
pages do. Kept fragments never carry one audience's listing to the other."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.home.factories import StandardPageFactory
from tests.library.factories import DocumentFactory, LibraryIndexPageFactory, ResourcePageFactory
from tests.members.factories import MemberFactory

MEMBERS_ONLY = "Members only"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


def _members_only(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Members"))
    return page


@pytest.fixture
def member(db):
    return MemberFactory(full_name="Ada Nurse", joined=True)


@pytest.fixture
def member_client(member):
    reader = Client()
    reader.force_login(member.user)
    return reader


@pytest.fixture
def signed_in_non_member(django_user_model):
    """Someone signed in (an editor, say) who is not in the Members group."""
    reader = Client()
    reader.force_login(django_user_model.objects.create_user("editor", password="pw"))
    return reader


@pytest.fixture
def papers(home_page):
    """A public section holding a public paper and members-only minutes."""
    section = StandardPageFactory(parent=home_page, title="Papers", slug="papers")
    StandardPageFactory(parent=section, title="Open minutes summary", slug="position")
    _members_only(StandardPageFactory(parent=section, title="Steering minutes", slug="minutes"))
    return section


def _listed(response, selector=".result-list__item"):
    """Each listed item's title and whether it is marked members-only."""
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        item.find("a").get_text(strip=True): MEMBERS_ONLY in item.get_text(" ", strip=True)
        for item in soup.select(selector)
    }


def test_a_section_lists_its_public_pages_to_the_public(client, papers):
    response = client.get(papers.url)

    assert response.status_code == 200
    assert _listed(response) == {"Open minutes summary": False}


def test_a_member_sees_the_sections_members_only_pages_marked(client, member_client, papers):
    client.get(papers.url)  # the public's copy is kept first

    response = member_client.get(papers.url)

    assert _listed(response) == {"Open minutes summary": False, "Steering minutes": True}


def test_the_public_never_gets_the_members_listing_from_the_cache(client, member_client, papers):
    member_client.get(papers.url)

    assert _listed(client.get(papers.url)) == {"Open minutes summary": False}


def test_someone_signed_in_without_access_sees_only_public_pages(signed_in_non_member, papers):
    assert _listed(signed_in_non_member.get(papers.url)) == {"Open minutes summary": False}


def test_a_section_listing_reads_the_same_number_of_queries_however_long(
    member_client, papers, django_assert_max_num_queries
):
    member_client.get(papers.url)
    with django_assert_max_num_queries(30) as few:
        member_client.get(papers.url)
        baseline = len(few)  # the next request starts the connection's query log again
    for number in range(15):
        _members_only(StandardPageFactory(parent=papers, title=f"Minutes {number}"))
        StandardPageFactory(parent=papers, title=f"Statement {number}")
    member_client.get(papers.url)  # what is kept until content changes, kept again
    with django_assert_max_num_queries(baseline):
        response = member_client.get(papers.url)
    assert len(_listed(response)) == 32


def test_site_search_finds_members_only_pages_for_members_only(client, member_client, papers):
    public = _listed(client.get("/search/", {"query": "minutes"}))
    member = _listed(member_client.get("/search/", {"query": "minutes"}))

    assert public == {"Open minutes summary": False}
    assert member == {"Open minutes summary": False, "Steering minutes": True}


def test_the_library_shows_members_their_resources_marked_and_the_public_none(
    client, member_client, home_page
):
    library = LibraryIndexPageFactory(parent=home_page)
    ResourcePageFactory(parent=library, title="Open guideline")
    _members_only(ResourcePageFactory(parent=library, title="Members' draft paper"))

    public_first = _listed(client.get(library.url))
    member = _listed(member_client.get(library.url))
    public_after = _listed(client.get(library.url))

    assert public_first == public_after == {"Open guideline": False}
    assert member == {"Open guideline": False, "Members' draft paper": True}


def test_a_members_welcome_page_leads_to_the_members_sections(member_client, papers):
    response = member_client.get("/members/welcome/")

    links = BeautifulSoup(response.content, "html.parser").select("main a")
    assert ("Steering minutes", "/papers/minutes/") in [(a.get_text(), a["href"]) for a in links]


@pytest.fixture
def members_document(db):
    root = Collection.get_first_root_node()
    collection = root.add_child(name="Members' papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Members"))
    return DocumentFactory(title="Draft strategy", collection=collection)


def test_the_public_gets_the_title_and_sign_in_for_a_members_only_document(
    client, members_document
):
    response = client.get(members_document.url)

    page = response.content.decode()
    assert response.status_code == 403
    assert "Draft strategy" in page
    assert "/members/sign-in/?next=" in page
    assert "%PDF" not in page


def test_a_member_downloads_a_members_only_document(member_client, members_document):
    response = member_client.get(members_document.url)

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_someone_signed_in_without_access_is_told_why_not_sent_round_sign_in(
    signed_in_non_member, members_document
):
    response = signed_in_non_member.get(members_document.url)

    assert response.status_code == 403
    assert "your account cannot open this document" in response.content.decode()


def test_the_events_listing_shows_members_their_events_marked_and_the_public_none(
    client, member_client, home_page
):
    events = EventIndexPageFactory(parent=home_page)
    EventPageFactory(parent=events, title="Open study day")
    _members_only(EventPageFactory(parent=events, title="Members' workshop"))

    def listed(reader):
        return _listed(reader.get(events.url), ".event-summary")

    public_first = listed(client)
    member = listed(member_client)

    assert public_first == listed(client) == {"Open study day": False}
    assert member == {"Open study day": False, "Members' workshop": True}
