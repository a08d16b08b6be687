"""Each page type can be created only where it makes sense, and the one-of-a-kind pages once.

The rules hold for everyone, superusers included: they are part of the site's structure, not
of anyone's permissions.
"""

import pytest
from django.apps import apps
from wagtail.models import Page

from events.models import EventIndexPage, EventPage
from home.models import HomePage, StandardPage
from library.models import LibraryIndexPage, ResourcePage
from membership.models import JoinPage
from tests.events.factories import EventPageFactory
from tests.home.factories import StandardPageFactory
from tests.library.factories import ResourcePageFactory
from tests.trials.factories import TrialIndexPageFactory

SINGLETONS = [HomePage, EventIndexPage, LibraryIndexPage, JoinPage]


@pytest.fixture
def tree(site_sections):
    """Every kind of page, one of each, so each can be tried as a parent."""
    return {
        "root": Page.get_first_root_node(),
        **site_sections,
        "standard": StandardPageFactory(parent=site_sections["home"]),
        "event": EventPageFactory(parent=site_sections["events"]),
        "resource": ResourcePageFactory(parent=site_sections["library"]),
        "trials": TrialIndexPageFactory(parent=site_sections["home"]),
    }


def where_it_can_be_created(page_model, tree):
    return {name for name, parent in tree.items() if page_model.can_create_at(parent)}


def test_events_go_only_under_the_events_index(tree):
    assert where_it_can_be_created(EventPage, tree) == {"events"}


def test_resources_go_only_under_the_library(tree):
    assert where_it_can_be_created(ResourcePage, tree) == {"library"}


def test_standard_pages_go_under_home_or_other_standard_pages(tree):
    assert where_it_can_be_created(StandardPage, tree) == {"home", "standard"}


@pytest.mark.parametrize("page_model", SINGLETONS)
def test_one_of_a_kind_pages_cannot_be_added_twice(tree, page_model):
    assert page_model.max_count == 1
    assert where_it_can_be_created(page_model, tree) == set()


def test_sections_belong_directly_under_the_home_page(home_page):
    tree = {"root": Page.get_first_root_node(), "home": home_page}

    for section in [EventIndexPage, LibraryIndexPage, JoinPage]:
        assert where_it_can_be_created(section, tree) == {"home"}, section.__name__


def test_every_page_type_says_where_it_goes_and_what_goes_under_it():
    """A page type without these rules could be added anywhere, by anyone."""
    page_models = [
        model for model in apps.get_models() if issubclass(model, Page) and model is not Page
    ]
    assert len(page_models) >= 7
    for model in page_models:
        assert "parent_page_types" in model.__dict__, model.__name__
        assert "subpage_types" in model.__dict__, model.__name__


def test_pages_cannot_be_moved_out_of_place(tree):
    assert not tree["event"].can_move_to(tree["library"])
    assert not tree["resource"].can_move_to(tree["events"])
    assert not tree["event"].can_move_to(tree["home"])


def test_admin_refuses_out_of_place_pages_by_address(tree, admin_client):
    home, events = tree["home"].pk, tree["events"].pk
    for url in [
        f"/admin/pages/add/events/eventpage/{home}/",
        f"/admin/pages/add/library/resourcepage/{events}/",
        f"/admin/pages/add/events/eventindexpage/{home}/",
        f"/admin/pages/add/membership/joinpage/{home}/",
    ]:
        response = admin_client.get(url)
        assert response.status_code in (302, 403), url
        assert response.status_code == 403 or response["Location"] == "/admin/", url


def test_admin_goes_straight_to_the_only_page_type_that_fits(tree, admin_client):
    """With every section in place, the home page takes only standard pages."""
    for parent, page_type in [
        (tree["home"], "home/standardpage"),
        (tree["events"], "events/eventpage"),
        (tree["library"], "library/resourcepage"),
    ]:
        response = admin_client.get(f"/admin/pages/{parent.pk}/add_subpage/")
        assert response.status_code == 302
        assert response["Location"].startswith(f"/admin/pages/add/{page_type}/{parent.pk}/")
