"""Admin sign-in defences: lock-outs, the page they show, and limits on password resets.

django-axes counts failed sign-ins per username and client together (see `AXES_*` in
settings), so a wrong password typed anywhere else never locks a person out; `SignInGuard`
adds the two ceilings that catch guessing spread out over many accounts or many clients. The
client is `portal.antispam.client_key`, the same one the public forms' rate limits use.
Reset links go through the outbox like every other email (`OutboxPasswordResetForm`).
"""

import logging

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.helpers import get_credentials
from axes.models import AccessAttempt, AccessLog
from django.conf import settings
from django.db.models import Sum
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.admin.views.account import PasswordResetView

from outbox.mail import queue_email
from portal.antispam import RateLimit, too_many_requests

logger = logging.getLogger(__name__)

# Requests for a reset link per client, and emails per address, each hour.
PASSWORD_RESET_CLIENT_LIMIT = RateLimit("password-reset-client", limit=5, period=60 * 60)
PASSWORD_RESET_ADDRESS_LIMIT = RateLimit("password-reset-address", limit=3, period=60 * 60)


def _recent_failures(**lookup):
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    attempts = AccessAttempt.objects.filter(attempt_time__gte=since, **lookup)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def pause_reason(request, username):
    """Why sign-in to `username` from this request's client is paused beyond django-axes's
    own count, or "" if it is not.

    "account": many clients have failed to sign in to this account lately. Guessing from a
    crowd of addresses stops there, yet the account's owner still gets in from any client
    that has signed in to it before (django-axes's access log, kept for
    SIGNIN_RECORD_RETENTION_DAYS), so nobody elsewhere can keep them out.
    "client": this client has failed to sign in to many accounts lately.
    """
    client = request.axes_ip_address
    if client and _recent_failures(ip_address=client) >= settings.SIGNIN_CLIENT_FAILURE_LIMIT:
        return "client"
    if (
        username
        and _recent_failures(username=username) >= settings.SIGNIN_ACCOUNT_FAILURE_LIMIT
        and not (client and AccessLog.objects.filter(username=username, ip_address=client).exists())
    ):
        return "account"
    return ""


class SignInGuard(AxesStandaloneBackend):
    """django-axes's check (this client and this account), then the two wider ceilings.

    A refused attempt is recorded as a failure like any other, so a flood keeps the
    ceiling closed rather than wearing it down, and the lock-out page says why.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        reason = pause_reason(request, username)
        if reason:
            request.signin_pause_reason = reason
            request.axes_locked_out = True
            request.axes_credentials = get_credentials(username=username, password=password)
            raise AxesBackendPermissionDenied(f"Sign-in paused: too many failures ({reason}).")


def locked_out(request, original_response=None, credentials=None):
    """Say when sign-in opens again: every attempt during a lock-out starts its period afresh."""
    cool_off = settings.AXES_COOLOFF_TIME
    # Rendered at once: django-axes answers from its middleware, after the view.
    response = render(
        request,
        "portal/admin/locked_out.html",
        {
            "try_again_at": timezone.localtime() + cool_off,
            "cool_off_minutes": int(cool_off.total_seconds() // 60),
            "failure_limit": settings.AXES_FAILURE_LIMIT,
            "reason": getattr(request, "signin_pause_reason", ""),
        },
        status=429,
    )
    response["Retry-After"] = str(int(cool_off.total_seconds()))
    return response


class RateLimitedPasswordResetView(PasswordResetView):
    """Wagtail's reset form, limited per client and per address so it cannot flood an inbox.

    Over the address's limit the person sees the usual "check your email" page, as for an
    address with no account, so the form still tells no one which addresses exist.
    """

    def post(self, request, *args, **kwargs):
        if not PASSWORD_RESET_CLIENT_LIMIT.hit(request):
            return too_many_requests(
                request, PASSWORD_RESET_CLIENT_LIMIT, what="password reset requests"
            )
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        if not PASSWORD_RESET_ADDRESS_LIMIT.hit_by(form.cleaned_data["email"].strip().lower()):
            logger.warning("Password reset not sent: too many requests for one address.")
            return HttpResponseRedirect(self.get_success_url())
        return super().form_valid(form)


class OutboxPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form, queueing its email in the outbox instead of sending it in the request.

    Used through `WAGTAILADMIN_USER_PASSWORD_RESET_FORM`, so a slow or silent mail server never
    holds up the form, and a link the server refuses for now is retried like any other email.
    """

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        subject = render_to_string(subject_template_name, context)
        # The address matched a valid one typed into the form, so the outbox accepts it.
        queue_email(
            recipient=to_email,
            # A subject is one line, as in Django's own `send_mail`.
            subject=" ".join(subject.split())[:255],
            text_body=render_to_string(email_template_name, context),
            html_body=(
                render_to_string(html_email_template_name, context)
                if html_email_template_name
                else ""
            ),
        )
