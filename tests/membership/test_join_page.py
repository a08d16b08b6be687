"""The join page: where it may go and where requests are sent."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.models import HomePage
from membership.models import JoinPage
from portal.models import SiteSettings
from tests.membership.factories import JoinPageFactory


def test_there_is_one_join_page_and_it_sits_under_home(join_page, home_page):
    assert JoinPage.allowed_parent_page_models() == [HomePage]
    assert not JoinPage.can_create_at(home_page)
    assert JoinPage.allowed_subpage_models() == []


def test_a_join_page_can_be_added_under_home(home_page):
    assert JoinPage.can_create_at(home_page)
    assert not JoinPage.can_create_at(Page.get_first_root_node())


def test_recipient_defaults_to_the_groups_contact_email(join_page):
    join_page.recipient = ""

    assert join_page.get_recipient() == "group@example.org"


def test_a_page_without_recipient_needs_a_contact_email_in_site_settings(home_page):
    with pytest.raises(ValidationError) as error:
        home_page.add_child(instance=JoinPage(title="Join", slug="join", recipient=""))

    assert "recipient" in error.value.message_dict


def test_a_page_without_recipient_is_fine_once_site_settings_has_a_contact(home_page):
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.contact_email = "group@example.org"
    site_settings.save()

    page = JoinPageFactory(parent=home_page, recipient="")

    assert page.get_recipient() == "group@example.org"


def test_thank_you_page_is_kept_out_of_search_engines(client, join_page):
    response = client.get(join_page.thank_you_url())

    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in response.content.decode()
