"""The public side of notifications: the sign-up form and the pages its email links open.

These are plain URLs rather than pages in the tree, because the links in emails already sent
must keep working whatever editors do to the pages.
"""

import logging

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.models import Site

from notifications import subscriptions, tokens
from notifications.forms import FORM_ID, SignupForm
from notifications.models import Subscriber
from portal.antispam import FormRateLimit, turn_away
from portal.forms import error_summary

logger = logging.getLogger(__name__)

SIGNUP_TITLE = "Get emails about meetings and events"
SIGNUP_DESCRIPTION = (
    "Sign up to hear about upcoming group meetings and educational events as soon as they are "
    "announced."
)

# Posts (valid or not) per connection and email address per hour: plenty for a person correcting
# mistakes; and per connection, for a hospital's staff behind one address.
SIGNUP_RATE_LIMIT = FormRateLimit("notifications-signup", limit=10, ceiling=100, period=60 * 60)


# No CSRF token: the form is on the events listing, which must not give every reader a cookie
# to stay cacheable. A forged post can do no more than its sender could do directly: nothing is
# sent to an address but the confirmation link, and the rate limit and antispam checks apply.
@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    def render(form):
        return TemplateResponse(
            request,
            "notifications/signup.html",
            {
                "form": form,
                "form_id": FORM_ID,
                # What pages get from their promote tab: a description, canonical link, og:title.
                "meta": {
                    "title": SIGNUP_TITLE,
                    "description": SIGNUP_DESCRIPTION,
                    "url": Site.find_for_request(request).root_url
                    + reverse("notifications:signup"),
                },
                "error_summary": error_summary(form, FORM_ID) if form.is_bound else [],
            },
        )

    if request.method == "POST":
        form = SignupForm(request.POST)
        refusal = turn_away(
            request,
            form,
            SIGNUP_RATE_LIMIT,
            what="the sign-up form",
            accepted_url="notifications:check_your_email",
            logger=logger,
            render_form=render,
        )
        if refusal:
            return refusal
        if form.is_valid():
            subscriptions.sign_up(
                email=form.cleaned_data["email"],
                name=form.cleaned_data["name"],
                interests=form.cleaned_data["interests"],
                site=Site.find_for_request(request),
            )
            return redirect("notifications:check_your_email")
    else:
        form = SignupForm()
    return render(form)


@require_safe
def check_your_email(request):
    # The same page whether the address was new, pending or already confirmed.
    return TemplateResponse(
        request,
        "notifications/check_your_email.html",
        {"link_days": tokens.CONFIRM_LINK_LIFETIME.days},
    )


def _link_problem(request, *, expired=False):
    return TemplateResponse(
        request,
        "notifications/link_problem.html",
        {"expired": expired, "link_days": tokens.CONFIRM_LINK_LIFETIME.days},
        status=410 if expired else 404,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """Ask for a click on a button: mail scanners open links, but they do not press buttons."""
    try:
        subscriber = tokens.subscriber_for_confirm_token(token)
    except tokens.ExpiredLink:
        return _link_problem(request, expired=True)
    except tokens.InvalidLink:
        return _link_problem(request)
    if subscriber is None or not (subscriber.awaits_confirmation or subscriber.is_confirmed):
        # Deleted, or left the list since: only a new sign-up may bring them back.
        return _link_problem(request, expired=True)

    if request.method == "POST":
        subscriptions.confirm(subscriber)
        return redirect("notifications:confirmed")
    return TemplateResponse(request, "notifications/confirm.html", {"subscriber": subscriber})


@require_safe
def confirmed(request):
    return TemplateResponse(request, "notifications/confirmed.html")


@never_cache
@csrf_exempt  # Mail clients post here with no cookie (RFC 8058); the signed link is the proof.
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """Show a button on GET; unsubscribe at once on POST, from that button or a mail client.

    The answer to a POST is the page itself, not a redirect: RFC 8058 forbids redirecting the
    mail client's one-click post, and posting twice does no harm.
    """
    try:
        subscriber = tokens.subscriber_for_unsubscribe_token(token)
    except tokens.InvalidLink:
        return _link_problem(request)

    if request.method == "POST":
        if subscriber is not None:
            subscriptions.unsubscribe(subscriber)
        return TemplateResponse(request, "notifications/unsubscribed.html")
    on_list = subscriber is not None and subscriber.state != Subscriber.State.UNSUBSCRIBED
    return TemplateResponse(
        request, "notifications/unsubscribe.html", {"subscriber": subscriber, "on_list": on_list}
    )
