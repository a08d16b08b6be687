"""Becoming a member: Membership invites an accepted applicant, who confirms by the emailed link."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from members.invitations import INVITATION_LINK_LIFETIME
from members.models import Member
from membership.models import JoinRequest
from tests.members.helpers import invitation_emails, invitation_path, invite_through_admin
from tests.membership.factories import JoinRequestFactory

INSPECT = "/admin/membership/joinrequest/inspect/{}/"


def test_an_accepted_request_offers_membership_the_invitation(membership_client, accepted):
    page = membership_client.get(INSPECT.format(accepted.pk)).content.decode()

    assert "Invite to become a member" in page


def test_an_undecided_request_cannot_be_invited(membership_client, site_details):
    waiting = JoinRequestFactory(status=JoinRequest.Status.NEW)

    page = membership_client.get(INSPECT.format(waiting.pk)).content.decode()
    response = invite_through_admin(membership_client, waiting)

    assert "Invite to become a member" not in page
    assert "Only accepted join requests can be invited." in response.content.decode()
    assert not Member.objects.exists()


def test_inviting_emails_the_applicant_a_link_and_lists_them_as_invited(
    membership_client, accepted
):
    response = invite_through_admin(membership_client, accepted)

    assert "Alex Example has been emailed an invitation to join." in response.content.decode()
    member = Member.objects.get()
    assert (member.email, member.full_name, member.joined_at) == (
        "alex@example.org",
        "Alex Example",
        None,
    )
    [email] = invitation_emails(member)
    assert email.recipient == "alex@example.org"
    assert email.subject == "You are invited to become a member of Implementation Group"
    assert "<html" in email.html_body
    listing = membership_client.get("/admin/members/member/").content.decode()
    assert "Alex Example" in listing
    assert "Invited" in listing


def test_confirming_the_link_makes_a_member_who_is_signed_in(client, membership_client, accepted):
    invite_through_admin(membership_client, accepted)
    path = invitation_path(invitation_emails(Member.objects.get()).get())

    page = client.get(path)
    assert page.status_code == 200
    assert "Become a member" in page.content.decode()
    assert Member.objects.get().joined_at is None  # opening the link is not confirming

    response = client.post(path, follow=True)

    member = Member.objects.get()
    assert member.joined_at is not None
    assert member.user.groups.filter(name="Members").exists()
    assert not member.user.has_usable_password()
    assert "Welcome, Alex Example" in response.content.decode()
    assert response.context["user"] == member.user


def test_a_member_cannot_open_the_admin(client, membership_client, accepted):
    invite_through_admin(membership_client, accepted)
    path = invitation_path(invitation_emails(Member.objects.get()).get())
    client.post(path)

    response = client.get("/admin/")

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/login/" in response["Location"]


def test_a_newer_invitation_replaces_the_older_link(client, membership_client, accepted):
    invite_through_admin(membership_client, accepted)
    first = invitation_path(invitation_emails(Member.objects.get()).get())
    invite_through_admin(membership_client, accepted)
    second = invitation_path(invitation_emails(Member.objects.get()).last())

    assert client.get(first).status_code == 410
    assert client.get(second).status_code == 200
    assert Member.objects.count() == 1


def test_an_invitation_link_expires(client, membership_client, accepted, time_machine):
    time_machine.move_to(timezone.now())
    invite_through_admin(membership_client, accepted)
    path = invitation_path(invitation_emails(Member.objects.get()).get())

    time_machine.shift(INVITATION_LINK_LIFETIME + timedelta(minutes=1))
    response = client.post(path)

    assert response.status_code == 410
    assert Member.objects.get().joined_at is None


@pytest.mark.parametrize("token", ["nonsense", "a" * 300, "x:y:z"])
def test_an_altered_link_says_it_does_not_work(client, db, token):
    response = client.get(f"/members/invitation/{token}/")

    assert response.status_code == 404
    assert "This link does not work" in response.content.decode()


def test_someone_already_a_member_is_not_invited_again(client, membership_client, accepted):
    invite_through_admin(membership_client, accepted)
    client.post(invitation_path(invitation_emails(Member.objects.get()).get()))

    response = invite_through_admin(membership_client, accepted)

    assert "Alex Example is already a member." in response.content.decode()
    assert invitation_emails(Member.objects.get()).count() == 1


def test_only_membership_may_invite(client, accepted, django_user_model):
    editor = django_user_model.objects.create_user("editor", password="pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)

    response = client.post(f"/admin/members/invite/{accepted.pk}/")

    assert response.status_code in (302, 403)
    assert not Member.objects.exists()
    assert get_user_model().objects.filter(groups__name="Members").count() == 0
