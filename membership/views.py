"""The join form's submit handling: turn away bots, save once, queue the emails, redirect."""

import logging

from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.utils import timezone

from membership.emails import queue_join_request_emails
from membership.forms import FORM_ID, JoinForm
from membership.models import JoinRequest
from notifications.subscriptions import sign_up_join_applicant
from portal.antispam import FormRateLimit, turn_away
from portal.forms import error_summary

logger = logging.getLogger(__name__)

# Posts (valid or not) per connection and email address per hour: plenty for a person correcting
# mistakes; and per connection, for a hospital's staff behind one address.
JOIN_RATE_LIMIT = FormRateLimit("join", limit=10, ceiling=100, period=60 * 60)


def join_form(request, page):
    def render(form):
        return page.render(
            request,
            context_overrides={
                "form": form,
                "error_summary": error_summary(form, FORM_ID) if form.is_bound else [],
                "privacy_page": page.get_privacy_page(),
            },
        )

    if request.method == "POST":
        form = JoinForm(request.POST)
        refusal = turn_away(
            request,
            form,
            JOIN_RATE_LIMIT,
            what="the join form",
            accepted_url=page.thank_you_url(),
            logger=logger,
            render_form=render,
        )
        if refusal:
            return refusal
        if form.is_valid():
            save_join_request(page, form)
            return redirect(page.thank_you_url())
    else:
        form = JoinForm()
    return render(form)


def save_join_request(page, form):
    """Save the request and queue its emails together; None if this form was already sent.

    The emails are queued in the same transaction, so a saved request always has its emails
    waiting in the outbox, and they are delivered once the transaction commits.
    """
    token = form.cleaned_data["submission_token"]
    if JoinRequest.objects.filter(submission_token=token).exists():
        return None
    try:
        with transaction.atomic():
            join_request = form.save(commit=False)
            join_request.page = page
            join_request.consent_given_at = timezone.now()
            join_request.privacy_notice_version = page.privacy_notice_version()
            join_request.save()
            queue_join_request_emails(join_request, page)
            if join_request.wants_meeting_updates:
                sign_up_join_applicant(join_request, page.get_site())
    except IntegrityError:
        # Two copies of the same form raced each other: the first one won.
        if JoinRequest.objects.filter(submission_token=token).exists():
            return None
        raise
    return join_request
