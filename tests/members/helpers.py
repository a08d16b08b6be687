"""Shared steps of the members' tests: inviting, and the link from the invitation email."""

import re

from django.contrib.contenttypes.models import ContentType

from members.models import Member
from outbox.models import OutgoingEmail

LINK = re.compile(r"https?://[^\s\"<]+/members/invitation/[^\s\"</]+/")


def invitation_emails(member):
    return OutgoingEmail.objects.filter(
        about_type=ContentType.objects.get_for_model(Member), about_id=str(member.pk)
    ).order_by("created_at", "pk")


def invitation_path(email):
    [url] = set(LINK.findall(email.text_body))
    assert url in email.html_body
    return "/" + url.split("/", 3)[3]


def invite_through_admin(client, join_request):
    return client.post(f"/admin/members/invite/{join_request.pk}/", follow=True)
