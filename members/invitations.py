"""Inviting an accepted applicant to become a member, and their confirming it.

The invitation link names the member's key and the moment it was sent, signed with its own
salt: it lasts INVITATION_LINK_LIFETIME, and a newer invitation replaces every older one.
Confirming takes a button press (mail scanners open links, they do not press buttons), records
the consent given then, and makes the person a user in the Members group, with no password.
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from members.models import MEMBERS_GROUP, Member
from membership.models import JoinRequest
from outbox.mail import queue_email, render_email
from people.links import ExpiredLink, InvalidLink, absolute_url, record_with_key, sign, unsign
from portal.models import SiteSettings

__all__ = ["ExpiredLink", "InvalidLink"]

INVITE_SALT = "members.invite"
INVITATION_LINK_LIFETIME = timedelta(days=14)


class CannotInvite(Exception):
    """Only accepted requests are invited, and never someone already a member."""


def _stamp(member):
    return str(int(member.invited_at.timestamp() * 1_000_000))


def invitation_token(member):
    return sign(f"{member.key.hex}.{_stamp(member)}", INVITE_SALT, expires=True)


def invitation_url(member):
    return absolute_url(reverse("members:accept_invitation", args=[invitation_token(member)]))


def member_for_invitation(token):
    key, _, stamp = unsign(token, INVITE_SALT, max_age=INVITATION_LINK_LIFETIME).partition(".")
    member = record_with_key(Member, key)
    if member is not None and stamp != _stamp(member):
        raise ExpiredLink  # a newer invitation has been sent since
    return member


def invite(join_request, *, site):
    """Create (or refresh) the invited member for an accepted request and email the link."""
    if join_request.status != JoinRequest.Status.ACCEPTED:
        raise CannotInvite("Only accepted join requests can be invited.")
    with transaction.atomic():
        member = Member.objects.select_for_update().for_address(join_request.email).first()
        if member is not None and member.has_joined:
            raise CannotInvite(f"{member.full_name} is already a member.")
        if member is None:
            member = Member(email=join_request.email)
        member.join_request = join_request
        member.full_name = join_request.full_name
        member.role = join_request.role
        member.role_other = join_request.role_other
        member.organisation = join_request.organisation
        member.consent_given_at = join_request.consent_given_at
        member.privacy_notice_version = join_request.privacy_notice_version
        member.invited_at = timezone.now()
        member.save()
        site_settings = SiteSettings.for_site(site)
        queue_email(
            recipient=member.email,
            reply_to=site_settings.contact_email,
            headers={"Auto-Submitted": "auto-generated"},
            about=member,
            **render_email(
                "members/email/invitation",
                {
                    "member": member,
                    "group_name": site_settings.group_name,
                    "url": invitation_url(member),
                    "link_days": INVITATION_LINK_LIFETIME.days,
                },
            ),
        )
    return member


def accept(member, *, privacy_notice_version):
    """The invited person confirms: they become a user in the Members group."""
    with transaction.atomic():
        member = Member.objects.select_for_update().get(pk=member.pk)
        if member.has_joined:
            return member
        User = get_user_model()
        user = User(username=f"member-{member.key.hex}", email=member.email)
        user.first_name, _, user.last_name = member.full_name.partition(" ")
        user.first_name, user.last_name = user.first_name[:150], user.last_name[:150]
        user.set_unusable_password()
        user.save()
        user.groups.add(Group.objects.get(name=MEMBERS_GROUP))
        member.user = user
        member.joined_at = timezone.now()
        member.consent_given_at = member.joined_at
        member.privacy_notice_version = privacy_notice_version
        member.save()
    return member
