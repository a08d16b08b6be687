from wagtail.models import Page

from home.models import HomePage, StandardPage


def test_only_one_home_page_can_exist(home_page):
    assert not HomePage.can_create_at(Page.get_first_root_node())


def test_home_page_only_goes_at_the_root(db):
    assert HomePage.allowed_parent_page_models() == [Page]


def test_standard_pages_go_under_home_or_other_standard_pages(home_page):
    assert StandardPage.can_create_at(home_page)
    assert not StandardPage.can_create_at(Page.get_first_root_node())
