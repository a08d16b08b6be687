"""Who may announce (superusers, Moderators, Membership) and see subscribers (Membership)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from notifications.models import Announcement
from tests.events.factories import EventPageFactory
from tests.notifications.factories import SubscriberFactory

ANNOUNCE_INDEX = "/admin/notifications/announce/"
SUBSCRIBERS = "/admin/notifications/subscriber/"


def announce_url(event):
    return f"/admin/notifications/announce/{event.pk}/"


def refused(response):
    """Wagtail answers a refused admin request by going back to the dashboard with a message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_an_editor_cannot_announce_by_any_address(
    client, editor, meeting, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory()
    client.force_login(editor)

    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(announce_url(meeting))

    assert refused(client.get(ANNOUNCE_INDEX))
    assert refused(client.get(announce_url(meeting)))
    assert refused(posted)
    assert not Announcement.objects.exists()
    assert smtp_server.messages == []


@pytest.mark.parametrize("user_fixture", ["moderator", "membership_user"])
def test_moderators_and_the_membership_group_can_announce(
    request, client, user_fixture, meeting, smtp_server, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="sam@example.org")
    client.force_login(request.getfixturevalue(user_fixture))

    assert client.get(ANNOUNCE_INDEX).status_code == 200
    assert client.get(announce_url(meeting)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(announce_url(meeting))

    assert response.status_code == 302
    assert Announcement.objects.get().created_by.username == user_fixture.replace("_user", "")
    assert len(smtp_server.to("sam@example.org")) == 1


def test_visitors_who_are_not_logged_in_are_sent_to_the_login_page(client, meeting):
    response = client.post(announce_url(meeting))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not Announcement.objects.exists()


def test_the_announce_menu_item_is_shown_only_to_those_who_may_announce(
    client, editor, moderator, home_page
):
    client.force_login(moderator)
    assert ANNOUNCE_INDEX in client.get("/admin/").content.decode()

    client.force_login(editor)
    assert ANNOUNCE_INDEX not in client.get("/admin/").content.decode()


def test_the_event_s_edit_page_offers_announce_to_moderators_only(
    client, editor, moderator, meeting
):
    edit_url = f"/admin/pages/{meeting.pk}/edit/"

    client.force_login(moderator)
    soup = BeautifulSoup(client.get(edit_url).content, "html.parser")
    assert soup.find("a", href=announce_url(meeting))

    client.force_login(editor)
    soup = BeautifulSoup(client.get(edit_url).content, "html.parser")
    assert not soup.find("a", href=announce_url(meeting))


def test_the_events_listing_in_the_admin_offers_announce_for_each_event(
    admin_client, events_index, meeting
):
    response = admin_client.get(f"/admin/pages/{events_index.pk}/")

    assert announce_url(meeting) in response.content.decode()


def test_only_the_membership_group_and_superusers_see_subscribers(
    client, editor, moderator, membership_user, admin_user, home_page
):
    SubscriberFactory(email="sam@example.org")

    for user, allowed in [
        (editor, False),
        (moderator, False),
        (membership_user, True),
        (admin_user, True),
    ]:
        client.force_login(user)
        response = client.get(SUBSCRIBERS)
        if allowed:
            assert response.status_code == 200, user.username
            assert "sam@example.org" in response.content.decode()
        else:
            assert refused(response), user.username
            assert refused(client.get(f"{SUBSCRIBERS}?export=csv")), user.username


def test_a_subscriber_s_history_is_shown_only_to_those_who_may_see_subscribers(
    client, editor, moderator, membership_user, home_page
):
    history = f"{SUBSCRIBERS}history/{SubscriberFactory(email='sam@example.org').pk}/"

    for user in (editor, moderator):
        client.force_login(user)
        response = client.get(history)
        assert refused(response), user.username
        assert "sam@example.org" not in response.content.decode()

    client.force_login(membership_user)
    response = client.get(history)
    assert response.status_code == 200
    assert "sam@example.org" in response.content.decode()


def test_the_membership_group_is_not_offered_an_edit_link_it_could_not_use(
    client, membership_user, moderator, meeting
):
    edit_url = f"/admin/pages/{meeting.pk}/edit/"

    client.force_login(membership_user)
    assert edit_url not in client.get(announce_url(meeting)).content.decode()

    client.force_login(moderator)
    assert edit_url in client.get(announce_url(meeting)).content.decode()


def test_membership_sees_only_published_public_events_to_announce(
    client, membership_user, meeting, events_index
):
    draft = EventPageFactory(parent=events_index, title="Unannounced draft plans", live=False)
    private = EventPageFactory(parent=events_index, title="Committee-only retreat")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(membership_user)

    index = client.get(ANNOUNCE_INDEX).content.decode()

    assert meeting.title in index
    assert draft.title not in index and private.title not in index
    for hidden in (draft, private):
        response = client.get(announce_url(hidden))
        assert response.status_code == 404
        assert hidden.title not in response.content.decode()
