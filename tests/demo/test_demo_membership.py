"""The demo's join page: requests go to the chair named in the group's text."""

from demo.group_text import read_group_text
from demo.site import build_site
from membership.models import JoinPage, MembershipSettings
from portal.models import SiteSettings


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
