"""The public pages of members: taking up an invitation, signing in and out by emailed link."""

import logging

from django import forms
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import Site

from members import invitations, signin
from membership.models import JoinPage
from people.consent import privacy_notice, privacy_notice_version
from portal.antispam import too_many_requests
from portal.forms import error_summary

logger = logging.getLogger(__name__)


def _link_problem(request, *, expired=False):
    return TemplateResponse(
        request,
        "members/link_problem.html",
        {"expired": expired, "link_days": invitations.INVITATION_LINK_LIFETIME.days},
        status=410 if expired else 404,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def accept_invitation(request, token):
    try:
        member = invitations.member_for_invitation(token)
    except invitations.ExpiredLink:
        return _link_problem(request, expired=True)
    except invitations.InvalidLink:
        return _link_problem(request)
    if member is None:
        return _link_problem(request, expired=True)
    if member.has_joined:
        return redirect("members:welcome")

    site = Site.find_for_request(request)
    if request.method == "POST":
        member = invitations.accept(
            member,
            privacy_notice_version=privacy_notice_version(
                site, without_notice="Invitation page text"
            ),
        )
        signin.sign_in(request, member.user)
        return redirect("members:welcome")
    return TemplateResponse(
        request,
        "members/accept_invitation.html",
        {"member": member, "privacy_page": privacy_notice(site)},
    )


@never_cache
@require_safe
def welcome(request):
    member = getattr(request.user, "member", None) if request.user.is_authenticated else None
    return TemplateResponse(request, "members/welcome.html", {"member": member})


class SignInForm(forms.Form):
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        help_text="The address the group has for you. We will email you a link to sign in.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _next_path(request):
    next_path = request.POST.get("next") or request.GET.get("next") or ""
    if next_path and url_has_allowed_host_and_scheme(
        next_path, {request.get_host()}, require_https=request.is_secure()
    ):
        return next_path
    return ""


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_in(request):
    if request.method == "POST":
        if not signin.SIGN_IN_CLIENT_LIMIT.hit(request):
            return too_many_requests(request, signin.SIGN_IN_CLIENT_LIMIT, what="sign-in links")
        form = SignInForm(request.POST)
        if form.is_valid():
            address = form.cleaned_data["email"].strip()
            if signin.SIGN_IN_ADDRESS_LIMIT.hit_by(address.lower()):
                signin.send_sign_in_link(address, site=Site.find_for_request(request))
            else:
                logger.warning("Sign-in link not sent: too many requests for one address.")
            # The same page whether or not the address is a member's.
            return redirect("members:check_your_email")
    else:
        form = SignInForm()
    return TemplateResponse(
        request,
        "members/sign_in.html",
        {
            "form": form,
            "next": _next_path(request),
            "join_page": JoinPage.objects.live().first(),
            "error_summary": error_summary(form, "sign-in-form") if form.is_bound else [],
            # Wagtail sends a signed-in person whose account may not open a page here: say so,
            # rather than offer a sign-in that would bring them back again.
            "signed_in_without_access": request.user.is_authenticated and bool(_next_path(request)),
        },
    )


@require_safe
def check_your_email(request):
    return TemplateResponse(
        request,
        "members/check_your_email.html",
        {"link_minutes": int(signin.SIGN_IN_LINK_LIFETIME.total_seconds() // 60)},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def sign_in_link(request):
    """A button behind the link: mail scanners open links, but they do not press buttons."""
    token = request.POST.get("t") or request.GET.get("t") or ""
    user = signin.user_for_token(request, token) if token else None
    if user is None:
        return TemplateResponse(
            request,
            "members/sign_in_link_problem.html",
            {"link_minutes": int(signin.SIGN_IN_LINK_LIFETIME.total_seconds() // 60)},
            status=410,
        )
    if request.method == "POST":
        signin.sign_in(request, user)
        return redirect("members:welcome")
    return TemplateResponse(request, "members/sign_in_link.html", {"token": token})


@require_POST
def sign_out(request):
    logout(request)
    return redirect("members:signed_out")


@require_safe
def signed_out(request):
    return TemplateResponse(request, "members/signed_out.html")
