"""Only superusers and the Membership group see join requests, in the menu or by URL."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import ReferenceIndex

from tests.membership.factories import JoinRequestFactory

LIST_URL = "/admin/membership/joinrequest/"


def urls(join_request):
    pk = join_request.pk
    return [
        LIST_URL,
        f"{LIST_URL}?export=csv",
        f"{LIST_URL}inspect/{pk}/",
        f"{LIST_URL}edit/{pk}/",
        f"{LIST_URL}history/{pk}/",
        f"{LIST_URL}delete/{pk}/",
        f"{LIST_URL}create/",
    ]


def refused(response):
    """Wagtail answers a permission failure with a redirect to the dashboard, or a 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin/login/")
    )


def test_membership_group_can_use_the_admin_and_read_and_change_join_requests(db):
    group = Group.objects.get(name="Membership")

    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_joinrequest", "change_joinrequest"} <= codenames
    assert not {"add_joinrequest", "delete_joinrequest"} & codenames


def test_an_editor_without_the_membership_group_is_refused_every_join_request_url(client, editor):
    join_request = JoinRequestFactory(full_name="Private Person")
    client.force_login(editor)

    for url in urls(join_request):
        response = client.get(url)
        assert refused(response), url
        assert b"Private Person" not in response.content

    assert refused(client.post(f"{LIST_URL}edit/{join_request.pk}/", {"status": "accepted"}))
    assert refused(client.post(f"{LIST_URL}delete/{join_request.pk}/"))
    join_request.refresh_from_db()
    assert join_request.status == "new"


def test_an_editor_does_not_see_join_requests_in_the_menu(client, editor):
    client.force_login(editor)

    response = client.get("/admin/")

    assert response.status_code == 200
    assert LIST_URL not in response.content.decode()


def test_visitors_who_are_not_logged_in_are_sent_to_log_in(client, db):
    join_request = JoinRequestFactory()

    for url in urls(join_request):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_the_membership_group_can_list_inspect_export_and_change_status(client, membership_user):
    join_request = JoinRequestFactory(full_name="Applicant Person")
    client.force_login(membership_user)

    assert LIST_URL in client.get("/admin/").content.decode()
    for url in urls(join_request)[:5]:
        response = client.get(url)
        assert response.status_code == 200, url
    response = client.post(f"{LIST_URL}edit/{join_request.pk}/", {"status": "contacted"})
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.status == "contacted"


@pytest.mark.parametrize("action", ["create/", "delete/{pk}/"])
def test_the_membership_group_cannot_add_or_delete_requests(client, membership_user, action):
    join_request = JoinRequestFactory()
    client.force_login(membership_user)

    response = client.get(LIST_URL + action.format(pk=join_request.pk))

    assert refused(response)


def test_the_join_pages_usage_view_shows_no_join_requests_even_as_a_count(
    client, editor, join_page
):
    JoinRequestFactory(full_name="Private Person", page=join_page)
    call_command("rebuild_references_index", stdout=StringIO())
    editor.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(editor)

    response = client.get(f"/admin/pages/{join_page.pk}/usage/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Private Person" not in html
    assert "join request" not in html.lower()
    assert ReferenceIndex.get_references_to(join_page).count() == 0
