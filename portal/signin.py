"""Admin sign-in defences: the lock-out page django-axes shows, and limits on password resets.

django-axes counts failed sign-ins per username and per client (see `AXES_*` in settings);
the client is `portal.antispam.client_key`, the same one the public forms' rate limits use.
"""

import logging

from django.conf import settings
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone
from wagtail.admin.views.account import PasswordResetView

from portal.antispam import RateLimit, too_many_requests

logger = logging.getLogger(__name__)

# Requests for a reset link per client, and emails per address, each hour.
PASSWORD_RESET_CLIENT_LIMIT = RateLimit("password-reset-client", limit=5, period=60 * 60)
PASSWORD_RESET_ADDRESS_LIMIT = RateLimit("password-reset-address", limit=3, period=60 * 60)


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
