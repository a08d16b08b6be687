"""Members sign in with a link sent to their email address: no password to keep or guess.

The link carries a django-sesame token scoped to signing in, that works for
SIGN_IN_LINK_LIFETIME and once only (sesame ties it to the user's last sign-in, which signing
in changes). Opening it shows a button; pressing it signs in, so a mail scanner that opens
links never uses one up. Only members (users in the Members group with a joined member
record) are sent a link or let in by one: admin accounts sign in through the admin, with their
second factor. The request form is limited per client and per address (`portal.antispam`).
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate, login
from django.urls import reverse
from django.utils.http import urlencode
from sesame.utils import get_token

from members.models import MEMBERS_GROUP, Member
from outbox.mail import queue_email, render_email
from people.links import absolute_url
from portal.antispam import RateLimit
from portal.models import SiteSettings

SCOPE = "members.sign-in"
SIGN_IN_LINK_LIFETIME = timedelta(seconds=settings.SESAME_MAX_AGE)
# Requests for a link per client, and emails per address, each hour.
SIGN_IN_CLIENT_LIMIT = RateLimit("member-sign-in-client", limit=10, period=60 * 60)
SIGN_IN_ADDRESS_LIMIT = RateLimit("member-sign-in-address", limit=3, period=60 * 60)
# Members are signed in by the link, never by a password; the session is an ordinary one.
BACKEND = "sesame.backends.ModelBackend"


def is_member(user):
    return (
        user is not None
        and user.is_active
        and not user.is_staff
        and not user.is_superuser
        and user.groups.filter(name=MEMBERS_GROUP).exists()
        and Member.objects.joined().filter(user=user).exists()
    )


def sign_in_url(user, next_path=""):
    """The emailed link; `next_path` (already checked to be on this site) is where signing in
    lands, and the sign-in button checks it again."""
    query = {"t": get_token(user, SCOPE)}
    if next_path:
        query["next"] = next_path
    return absolute_url(reverse("members:sign_in_link") + "?" + urlencode(query))


def send_sign_in_link(address, *, site, next_path=""):
    """Email a sign-in link if the address is a member's; say nothing either way."""
    member = Member.objects.joined().for_address(address).select_related("user").first()
    if member is None or not is_member(member.user):
        return False
    site_settings = SiteSettings.for_site(site)
    queue_email(
        recipient=member.email,
        reply_to=site_settings.contact_email,
        headers={"Auto-Submitted": "auto-generated"},
        about=member,
        **render_email(
            "members/email/sign_in_link",
            {
                "member": member,
                "group_name": site_settings.group_name,
                "url": sign_in_url(member.user, next_path),
                "link_minutes": int(SIGN_IN_LINK_LIFETIME.total_seconds() // 60),
            },
        ),
    )
    return True


def user_for_token(request, token):
    """The member a genuine, unused, recent link names; None otherwise. A bad link counts as a
    failed sign-in for django-axes, which pauses a client sending many."""
    user = authenticate(request, sesame=token, scope=SCOPE, max_age=SIGN_IN_LINK_LIFETIME)
    return user if is_member(user) else None


def sign_in(request, user):
    # Updating the last sign-in (as login() does) is what makes the link single-use.
    login(request, user, backend=BACKEND)
