"""What Editors, Moderators and the Membership group may and may not do in the admin.

Each role is checked both ways a person meets it: the admin menu (what they are offered)
and the web addresses themselves (what happens if they go there anyway).
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from events.models import EventPage, EventType
from tests.editorial.helpers import event_changes, page_form_data
from tests.events.factories import EventPageFactory
from tests.membership.factories import JoinRequestFactory

JOIN_REQUESTS = "/admin/membership/joinrequest/"


def refused(response):
    """The admin refuses by sending the person back to the dashboard, or with a 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def menu_labels(client):
    """Every item in the admin's side menu, submenus included."""
    response = client.get("/admin/")
    assert response.status_code == 200
    script = BeautifulSoup(response.content, "html.parser").find(id="wagtail-sidebar-props")
    labels = set()

    def walk(node):
        if isinstance(node, dict):
            if "label" in node and "icon_name" in node:
                labels.add(node["label"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(script.string))
    return labels


@pytest.fixture
def event(site_sections):
    event = EventPageFactory(parent=site_sections["events"], title="Spring meeting")
    event.save_revision().publish()
    return event


@pytest.fixture
def join_request(db):
    return JoinRequestFactory(full_name="Alex Applicant")


def test_menus_offer_each_role_its_own_areas(
    site_sections, editor, moderator, membership_user, client_for
):
    editor_menu = menu_labels(client_for(editor))
    assert {"Pages", "Images", "Documents", "Snippets", "Resource library"} <= editor_menu
    assert not editor_menu & {"Join requests", "Settings", "Users", "Groups"}

    moderator_menu = menu_labels(client_for(moderator))
    assert {"Pages", "Images", "Documents", "Snippets", "Settings", "Site settings"} <= (
        moderator_menu
    )
    assert not moderator_menu & {"Join requests", "Join request routing", "Users", "Groups"}

    membership_menu = menu_labels(client_for(membership_user))
    assert {"Join requests", "Join request routing"} <= membership_menu
    assert not membership_menu & {"Pages", "Images", "Snippets", "Site settings"}


def test_editor_adds_and_edits_pages_media_and_lists(site_sections, event, editor, client_for):
    client = client_for(editor)
    for url in [
        f"/admin/pages/add/events/eventpage/{site_sections['events'].pk}/",
        f"/admin/pages/{event.pk}/edit/",
        f"/admin/pages/{site_sections['home'].pk}/edit/",
        "/admin/images/multiple/add/",
        "/admin/documents/multiple/add/",
        "/admin/snippets/events/eventtype/add/",
        "/admin/snippets/library/resourcetype/add/",
        "/admin/snippets/library/topic/add/",
    ]:
        assert client.get(url).status_code == 200, url


def test_editor_cannot_publish_a_new_page_only_submit_it(site_sections, editor, client_for):
    client = client_for(editor)
    url = f"/admin/pages/add/events/eventpage/{site_sections['events'].pk}/"
    data = page_form_data(client, url, EventPage, **event_changes("Summer meeting"))
    data["action-publish"] = "action-publish"

    client.post(url, data)

    created = EventPage.objects.get(title="Summer meeting")
    assert not created.live
    assert created.first_published_at is None


def test_editor_cannot_publish_unpublish_or_lock_an_existing_page(event, editor, client_for):
    client = client_for(editor)
    edit_url = f"/admin/pages/{event.pk}/edit/"
    data = page_form_data(client, edit_url, EventPage, title="Spring meeting (changed)")
    data["action-publish"] = "action-publish"

    client.post(edit_url, data)
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={event.pk}&next=/admin/", {})

    assert refused(client.get(f"/admin/pages/{event.pk}/unpublish/"))
    assert refused(client.post(f"/admin/pages/{event.pk}/unpublish/"))
    assert refused(client.post(f"/admin/pages/{event.pk}/lock/"))
    event.refresh_from_db()
    assert event.live, "the live version stays as it was"
    assert event.title == "Spring meeting", "the change waits as a draft"
    assert event.has_unpublished_changes
    assert not event.locked


def test_editor_cannot_delete_a_published_page_or_list_entries(event, editor, client_for):
    client = client_for(editor)
    meeting = EventType.objects.get(slug="meeting")

    assert refused(client.post(f"/admin/pages/{event.pk}/delete/"))
    assert refused(client.post(f"/admin/snippets/events/eventtype/delete/{meeting.pk}/"))
    assert EventPage.objects.filter(pk=event.pk).exists()
    assert EventType.objects.filter(pk=meeting.pk).exists()


def test_editor_and_moderator_cannot_reach_join_requests_by_address(
    join_request, editor, moderator, client_for
):
    for user in [editor, moderator]:
        client = client_for(user)
        for url in [
            JOIN_REQUESTS,
            f"{JOIN_REQUESTS}inspect/{join_request.pk}/",
            f"{JOIN_REQUESTS}edit/{join_request.pk}/",
            f"{JOIN_REQUESTS}?export=csv",
        ]:
            assert refused(client.get(url)), f"{user.username}: {url}"
        assert refused(client.post(f"{JOIN_REQUESTS}delete/{join_request.pk}/"))
    assert join_request.__class__.objects.filter(pk=join_request.pk).exists()


def test_editor_and_moderator_cannot_manage_people_or_workflows(
    site_sections, editor, moderator, client_for
):
    for user in [editor, moderator]:
        client = client_for(user)
        for url in ["/admin/users/", "/admin/groups/", "/admin/workflows/list/"]:
            assert refused(client.get(url)), f"{user.username}: {url}"


def test_only_moderators_change_site_settings(site_sections, editor, moderator, client_for):
    assert refused(client_for(editor).get("/admin/settings/portal/sitesettings/"))

    response = client_for(moderator).get("/admin/settings/portal/sitesettings/", follow=True)
    assert response.status_code == 200
    assert b"contact_email" in response.content


def test_moderator_publishes_unpublishes_and_locks(site_sections, moderator, client_for):
    client = client_for(moderator)
    url = f"/admin/pages/add/events/eventpage/{site_sections['events'].pk}/"
    data = page_form_data(client, url, EventPage, **event_changes("Autumn meeting"))
    data["action-publish"] = "action-publish"

    client.post(url, data)
    created = EventPage.objects.get(title="Autumn meeting")
    assert created.live

    assert client.post(f"/admin/pages/{created.pk}/lock/").status_code == 302
    created.refresh_from_db()
    assert created.locked
    client.post(f"/admin/pages/{created.pk}/unlock/")

    assert client.post(f"/admin/pages/{created.pk}/unpublish/").status_code == 302
    created.refresh_from_db()
    assert not created.live


def test_moderator_deletes_list_entries_nobody_uses(site_sections, moderator, client_for):
    unused = EventType.objects.create(name="Example unused type", slug="example-unused")

    client_for(moderator).post(f"/admin/snippets/events/eventtype/delete/{unused.pk}/")

    assert not EventType.objects.filter(pk=unused.pk).exists()


def test_membership_group_reads_join_requests_but_not_pages(
    join_request, site_sections, membership_user, client_for
):
    client = client_for(membership_user)

    assert client.get(JOIN_REQUESTS).status_code == 200
    assert client.get(f"{JOIN_REQUESTS}inspect/{join_request.pk}/").status_code == 200
    assert refused(client.get(f"/admin/pages/{site_sections['home'].pk}/edit/"))
    assert refused(client.get("/admin/images/"))


def test_editors_and_moderators_hold_no_permission_on_personal_data(db):
    """Join requests and subscribers are for the Membership group only."""
    for name in ["Editors", "Moderators"]:
        held = Permission.objects.filter(group__name=name).filter(
            Q(content_type__app_label="membership") | Q(content_type__model="subscriber")
        )
        assert not held.exists(), f"{name}: {list(held.values_list('codename', flat=True))}"
    membership = Group.objects.get(name="Membership").permissions
    assert membership.filter(codename="view_joinrequest").exists()


def test_editor_and_moderator_cannot_reach_subscribers(
    site_sections, editor, moderator, client_for
):
    for user in [editor, moderator]:
        client = client_for(user)
        assert "Subscribers" not in menu_labels(client)
        assert refused(client.get("/admin/notifications/subscriber/")), user.username
