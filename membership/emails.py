"""The two emails a join request sends: the request to the chair, a receipt to the applicant."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone

from outbox.mail import queue_email, render_email
from outbox.models import OutgoingEmail
from people.links import absolute_url
from portal.antispam import SAME_ADDRESS_EMAIL_INTERVAL
from portal.models import SiteSettings

logger = logging.getLogger(__name__)


def admin_url(join_request):
    return absolute_url(
        reverse("membership_joinrequest_modeladmin_inspect", args=[join_request.pk])
    )


def queue_join_request_emails(join_request, page):
    site_settings = SiteSettings.for_site(page.get_site())
    context = {
        "join_request": join_request,
        "page": page,
        "group_name": site_settings.group_name,
        "admin_url": admin_url(join_request),
    }
    recipient = page.get_recipient()
    if recipient:
        queue_email(
            recipient=recipient,
            reply_to=join_request.email,
            about=join_request,
            **render_email("membership/email/new_join_request", context),
        )
    else:
        # The admin list shows this request with nothing sent; the log says why.
        logger.error(
            "Join request %s has no one to go to: set the address in Settings > Join "
            "request routing.",
            join_request.pk,
        )
    # The receipt repeats none of the applicant's free text, so the form cannot be used to
    # send someone else a message of an attacker's choosing; and it goes to one address at
    # most once in a while, so the form cannot flood an inbox either.
    if receipt_sent_recently(join_request):
        return
    queue_email(
        recipient=join_request.email,
        reply_to=site_settings.contact_email,
        headers={"Auto-Submitted": "auto-generated"},
        about=join_request,
        **render_email("membership/email/join_request_received", context),
    )


def receipt_sent_recently(join_request):
    return OutgoingEmail.objects.filter(
        recipient__iexact=join_request.email,
        about_type=ContentType.objects.get_for_model(join_request),
        created_at__gte=timezone.now() - SAME_ADDRESS_EMAIL_INTERVAL,
    ).exists()
