"""The join page: where it may go and where requests are sent."""

from wagtail.models import Page

from home.models import HomePage
from membership.models import JoinPage, MembershipSettings


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
