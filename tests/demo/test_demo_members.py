"""The demo's members' area: members-only, with example minutes that say they are an example."""

from django.test import Client

from demo.site import build_site
from home.models import StandardPage
from tests.members.factories import MemberFactory


def test_demo_members_area_is_members_only_with_example_minutes(client, db):
    build_site()
    area = StandardPage.objects.get(slug="members-area")
    minutes = StandardPage.objects.get(slug="example-minutes")

    anonymous = client.get(minutes.url)
    member = Client()
    member.force_login(MemberFactory(joined=True).user)
    read = member.get(minutes.url).content.decode()

    assert [r.groups.get().name for r in area.get_view_restrictions()] == ["Members"]
    assert anonymous.status_code == 403
    assert "not a real meeting" not in anonymous.content.decode()
    assert "Example minutes" in read and "This page is an example." in read


def test_demo_members_area_is_built_once(db):
    build_site()
    build_site()

    assert StandardPage.objects.filter(slug="members-area").count() == 1
    assert StandardPage.objects.filter(slug="example-minutes").count() == 1
