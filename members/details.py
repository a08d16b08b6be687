"""Everything held about an address, for anyone, member or not, through a link emailed on
request: seeing it, correcting a name, downloading it and erasing it.

The link names the address (`people.links.sign_address`) and works for DETAILS_LINK_LIFETIME,
in one browser only. Opening it shows a button (mail scanners open links, they do not press
buttons); pressing it marks it used and keeps the token in the session, which is checked
again, lifetime included, on every request.
The request form is limited per client and per address, and its answer is the same whether
anything is held or not, so it tells no one whose address the group knows.
"""

from datetime import timedelta

from django.db import transaction
from django.urls import reverse

from notifications.models import Subscriber
from notifications.tokens import unsubscribe_url
from outbox.mail import queue_email, render_email
from people import personal_data
from people.links import absolute_url, address_for, sign_address, use_once
from people.models import person_record_models
from portal.antispam import RateLimit
from portal.models import SiteSettings

SALT = "members.details"
DETAILS_LINK_LIFETIME = timedelta(hours=1)
SESSION_KEY = "details_token"
# Requests for a link per client, and emails per address, each hour.
DETAILS_CLIENT_LIMIT = RateLimit("details-client", limit=10, period=60 * 60)
DETAILS_ADDRESS_LIMIT = RateLimit("details-address", limit=3, period=60 * 60)


def link_minutes():
    return int(DETAILS_LINK_LIFETIME.total_seconds() // 60)


def details_url(address):
    return absolute_url(reverse("members:details_link", args=[sign_address(address, SALT)]))


def send_details_link(address, *, site):
    """Email a link if anything is held for the address; say nothing either way."""
    if not personal_data.holds_anything(address):
        return False
    site_settings = SiteSettings.for_site(site)
    queue_email(
        recipient=address,
        reply_to=site_settings.contact_email,
        headers={"Auto-Submitted": "auto-generated"},
        **render_email(
            "members/email/details_link",
            {
                "group_name": site_settings.group_name,
                "url": details_url(address),
                "link_minutes": link_minutes(),
            },
        ),
    )
    return True


def address_for_token(token):
    """The address a genuine, recent token names (ExpiredLink or InvalidLink if not)."""
    return address_for(token, SALT, max_age=DETAILS_LINK_LIFETIME)


def use_link(request, token):
    """Press the button behind a link: the session may see the address's details from now
    until the link expires. A link works in one browser only: False if pressed before."""
    if request.session.get(SESSION_KEY) == token:
        return True  # pressed again in the same browser
    if not use_once(token, lifetime=DETAILS_LINK_LIFETIME):
        return False
    request.session[SESSION_KEY] = token
    return True


def correctable(address):
    """The records a name correction changes, as each kind of record declares
    (`correctable_fields`): a meeting-email sign-up, and registrations for events not yet over
    (their names go on the list and the certificate). A join request keeps what was sent, as
    for members; a past registration and a certificate keep what was true then; a member
    corrects their record by signing in (My details)."""
    return [
        model.correctable(address) for model in person_record_models() if model.correctable_fields
    ]


def correct(address, *, full_name, organisation):
    given = {"full_name": full_name, "organisation": organisation}
    with transaction.atomic():
        for records in correctable(address):
            fields = records.model.correctable_fields
            changes = {fields[name]: value for name, value in given.items() if name in fields}
            records.update(**{field: value for field, value in changes.items() if value})


def meeting_email_links(address):
    """Each sign-up's own unsubscribe page: the way to stop meeting emails."""
    return [
        unsubscribe_url(subscriber)
        for subscriber in Subscriber.objects.for_address(address)
        if subscriber.unsubscribed_at is None
    ]
