"""The join page: where it may go, where requests are sent, and the demo's join page."""

from wagtail.models import Page

from home.models import HomePage
from membership.models import JoinPage, MembershipSettings
from portal.demo.group_text import read_group_text
from portal.demo.site import build_site
from portal.models import SiteSettings


def test_there_is_one_join_page_and_it_sits_under_home(join_page, home_page):
    assert JoinPage.allowed_parent_page_models() == [HomePage]
    assert not JoinPage.can_create_at(home_page)
    assert JoinPage.allowed_subpage_models() == []


def test_a_join_page_can_be_added_under_home(home_page):
    assert JoinPage.can_create_at(home_page)
    assert not JoinPage.can_create_at(Page.get_first_root_node())


def test_requests_go_to_the_address_in_the_routing_settings(join_page):
    assert join_page.get_recipient() == "chair@example.org"


def test_without_a_routing_address_requests_go_to_nobody_by_email(join_page):
    MembershipSettings.objects.update(join_request_recipient="")

    assert join_page.get_recipient() == ""


def test_thank_you_page_is_kept_out_of_search_engines(client, join_page):
    response = client.get(join_page.thank_you_url())

    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()


def test_demo_join_page_goes_to_the_chair_named_in_the_groups_text(db):
    home = build_site()
    text = read_group_text()

    join_page = JoinPage.objects.get()
    assert join_page.title == "Join the group"
    assert join_page.live and join_page.show_in_menus
    assert join_page.get_parent().specific == home
    assert join_page.get_recipient() == text.contact_email == "e.alexander@imperial.ac.uk"
    assert text.membership in join_page.membership_text
    assert home.join_page.specific == join_page
    assert SiteSettings.for_site(home.get_site()).contact_email == text.contact_email


def test_demo_home_join_button_opens_the_join_form(client, demo_home):
    response = client.get("/")

    assert 'href="/join/"' in response.content.decode()
    assert client.get("/join/").status_code == 200


def test_demo_join_page_is_built_once_and_keeps_editors_changes(db):
    build_site()
    join_page = JoinPage.objects.get()
    MembershipSettings.objects.update(join_request_recipient="membership@example.org")

    build_site()

    assert join_page.get_recipient() == "membership@example.org"


def test_older_demo_databases_get_their_join_button_moved_to_the_form(db):
    home = build_site()
    home.join_page = home.get_children().get(slug="membership")
    home.join_button_text = "How to join"
    home.save_revision().publish()

    home = build_site()

    assert home.join_page.specific_class is JoinPage
    assert home.join_button_text == "Join the group"
