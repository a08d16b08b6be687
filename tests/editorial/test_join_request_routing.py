"""Only superusers and the Membership group decide where join requests (and their answers) go."""

from membership.models import JoinPage, MembershipSettings
from tests.editorial.helpers import page_form_data

ROUTING = "/admin/settings/membership/membershipsettings/"


def routing_address():
    return MembershipSettings.objects.get().join_request_recipient


def refused(response):
    """The admin refuses by sending the person back to the dashboard, or with a 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def test_the_join_page_form_offers_no_address_to_editors_or_moderators(
    site_sections, editor, moderator, client_for
):
    join = site_sections["join"]
    for user in [editor, moderator]:
        content = client_for(user).get(f"/admin/pages/{join.pk}/edit/").content.decode()
        assert "recipient" not in content, user.username


def test_a_crafted_page_post_with_an_address_changes_nothing(site_sections, moderator, client_for):
    MembershipSettings.objects.create(
        site=site_sections["home"].get_site(), join_request_recipient="chair@example.org"
    )
    join = site_sections["join"]
    client = client_for(moderator)
    url = f"/admin/pages/{join.pk}/edit/"
    data = page_form_data(
        client,
        url,
        JoinPage,
        recipient="moderator@example.org",
        join_request_recipient="moderator@example.org",
        **{"action-publish": "action-publish"},
    )

    response = client.post(url, data)

    assert response.status_code == 302
    assert routing_address() == "chair@example.org"
    assert JoinPage.objects.get().get_recipient() == "chair@example.org"


def test_editors_and_moderators_cannot_open_or_post_the_routing_settings(
    site_sections, editor, moderator, client_for
):
    site = site_sections["home"].get_site()
    for user in [editor, moderator]:
        client = client_for(user)
        assert refused(client.get(f"{ROUTING}{site.pk}/")), user.username
        client.post(f"{ROUTING}{site.pk}/", {"join_request_recipient": "x@example.org"})
    assert MembershipSettings.objects.filter(join_request_recipient="x@example.org").count() == 0


def test_the_membership_group_and_superusers_set_the_routing_address(
    site_sections, membership_user, admin_user, client_for
):
    site = site_sections["home"].get_site()
    for user, address in [(membership_user, "team@example.org"), (admin_user, "chair@example.org")]:
        client = client_for(user)
        assert client.get(f"{ROUTING}{site.pk}/").status_code == 200
        response = client.post(f"{ROUTING}{site.pk}/", {"join_request_recipient": address})
        assert response.status_code == 302
        assert routing_address() == address
        assert site_sections["join"].get_recipient() == address
