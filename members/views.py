"""The public pages of members: taking up an invitation, signing in and out by emailed link."""

import json
import logging

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from wagtail.models import Page, Site

from members import details, invitations, signin
from members.models import Member
from membership.models import JoinPage
from people import personal_data
from people.consent import privacy_notice, privacy_notice_version
from people.links import ExpiredLink, InvalidLink
from portal.antispam import too_many_requests
from portal.forms import email_address_field, error_summary
from portal.models import PortalPageQuerySet, restricted_sections

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
    sections = (
        PortalPageQuerySet(Page)
        .live()
        .filter(path__in=restricted_sections()["for_people_signed_in"])
        .readable_by(request)
        .order_by("path")
        if member
        else []
    )
    return TemplateResponse(
        request, "members/welcome.html", {"member": member, "members_sections": sections}
    )


class SignInForm(forms.Form):
    email = forms.EmailField(
        label="Your email address",
        max_length=254,
        help_text="The address the group has for you. We will email you a link to sign in.",
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


def _next_path(request):
    """Where signing in should land: a path on this site only, never another host."""
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
                signin.send_sign_in_link(
                    address, site=Site.find_for_request(request), next_path=_next_path(request)
                )
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
        return redirect(_next_path(request) or "members:welcome")
    return TemplateResponse(
        request, "members/sign_in_link.html", {"token": token, "next": _next_path(request)}
    )


@require_POST
def sign_out(request):
    logout(request)
    return redirect("members:signed_out")


@require_safe
def signed_out(request):
    return TemplateResponse(request, "members/signed_out.html")


def _held(address):
    """Everything held for the address, as shown on the page: the same export as the download."""
    return json.dumps(personal_data.export(address), cls=DjangoJSONEncoder, indent=2)


def _download(address):
    """The same export as `manage.py personal_data --export`, as a JSON file."""
    response = HttpResponse(_held(address), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="my-details.json"'
    return response


def _signed_in_member(request):
    if not request.user.is_authenticated or not signin.is_member(request.user):
        return None
    return request.user.member


class DetailsForm(forms.ModelForm):
    class Meta:
        model = Member
        fields = ["full_name", "organisation"]


class LeaveForm(forms.Form):
    keep_certificates = forms.TypedChoiceField(
        label="Your CPD certificates",
        choices=[
            (
                "yes",
                "Keep my certificate records, so certificates I was given can still be checked",
            ),
            ("no", "Erase everything the group holds about me, certificates included"),
        ],
        widget=forms.RadioSelect,
        coerce=lambda value: value == "yes",
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def my_details(request):
    """Everything the group holds about the signed-in member, and correcting their details."""
    member = _signed_in_member(request)
    if member is None:
        return redirect_to_login(request.get_full_path(), reverse("members:sign_in"))
    form = DetailsForm(request.POST or None, instance=member)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
            user = member.user
            user.first_name, _, user.last_name = member.full_name.partition(" ")
            user.first_name, user.last_name = user.first_name[:150], user.last_name[:150]
            user.save(update_fields=["first_name", "last_name"])
        messages.success(request, "Your details have been saved.")
        return redirect("members:my_details")
    return TemplateResponse(
        request,
        "members/my_details.html",
        {
            "member": member,
            "form": form,
            "leave_form": LeaveForm(),
            "held": _held(member.email),
            "error_summary": error_summary(form, "details-form") if form.is_bound else [],
        },
    )


@never_cache
@require_safe
def download_my_details(request):
    """The same export as `manage.py personal_data --export`, as a JSON file."""
    member = _signed_in_member(request)
    if member is None:
        return redirect_to_login(request.get_full_path(), reverse("members:sign_in"))
    return _download(member.email)


@require_POST
def leave(request):
    member = _signed_in_member(request)
    if member is None:
        return redirect_to_login(reverse("members:my_details"), reverse("members:sign_in"))
    form = LeaveForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose what happens to your certificates, then leave again.")
        return redirect("members:my_details")
    address = member.email
    logout(request)
    if form.cleaned_data["keep_certificates"]:
        Member.objects.filter(pk=member.pk).erase()
    else:
        personal_data.erase(address)
    return redirect("members:left")


@require_safe
def left(request):
    return TemplateResponse(request, "members/left.html")


class DetailsRequestForm(forms.Form):
    email = email_address_field(
        "We will email this address a link to see what the group holds about it."
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def details_request(request):
    """Anyone, member or not, asks for a link to everything held about their address."""
    if request.method == "POST":
        if not details.DETAILS_CLIENT_LIMIT.hit(request):
            return too_many_requests(request, details.DETAILS_CLIENT_LIMIT, what="links")
        form = DetailsRequestForm(request.POST)
        if form.is_valid():
            address = form.cleaned_data["email"].strip().lower()
            if details.DETAILS_ADDRESS_LIMIT.hit_by(address):
                details.send_details_link(address, site=Site.find_for_request(request))
            else:
                logger.warning("Details link not sent: too many requests for one address.")
            # The same page whether or not anything is held for the address.
            return redirect("members:details_check_your_email")
    else:
        form = DetailsRequestForm()
    return TemplateResponse(
        request,
        "members/details_request.html",
        {
            "form": form,
            "error_summary": error_summary(form, "details-request-form") if form.is_bound else [],
        },
    )


@require_safe
def details_check_your_email(request):
    return TemplateResponse(
        request, "members/details_check_your_email.html", {"link_minutes": details.link_minutes()}
    )


def _details_link_problem(request, *, expired=False, used=False):
    return TemplateResponse(
        request,
        "members/details_link_problem.html",
        {"expired": expired, "used": used, "link_minutes": details.link_minutes()},
        status=410 if expired or used else 404,
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def details_link(request, token):
    """A button behind the link: mail scanners open links, but they do not press buttons."""
    try:
        details.address_for_token(token)
    except ExpiredLink:
        return _details_link_problem(request, expired=True)
    except InvalidLink:
        return _details_link_problem(request)
    if request.method == "POST":
        if not details.use_link(request, token):
            return _details_link_problem(request, used=True)
        return redirect("members:details")
    return TemplateResponse(request, "members/details_link.html", {"token": token})


def _details_address(request):
    """The address the session's link names; ExpiredLink or InvalidLink if none still works."""
    token = request.session.get(details.SESSION_KEY)
    if not token:
        raise InvalidLink
    return details.address_for_token(token)


def _details_view(view):
    """Runs `view(request, address)` while the session's link works; the link problem if not."""

    def wrapped(request):
        try:
            address = _details_address(request)
        except ExpiredLink:
            request.session.pop(details.SESSION_KEY, None)
            return _details_link_problem(request, expired=True)
        except InvalidLink:
            return _details_link_problem(request)
        return view(request, address)

    wrapped.__name__ = wrapped.__qualname__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return never_cache(wrapped)


class CorrectionForm(forms.Form):
    full_name = forms.CharField(label="Full name", max_length=200)
    organisation = forms.CharField(
        label="Organisation",
        max_length=200,
        required=False,
        help_text="For your registrations for events still to come.",
    )


class EraseForm(LeaveForm):
    pass


@_details_view
@require_http_methods(["GET", "HEAD", "POST"])
def details_page(request, address):
    """Everything held for the address the link named, and correcting the name on it."""
    can_correct = any(records.exists() for records in details.correctable(address))
    form = CorrectionForm(request.POST or None) if can_correct else None
    if request.method == "POST" and form is not None and form.is_valid():
        details.correct(address, **form.cleaned_data)
        messages.success(request, "Your details have been saved.")
        return redirect("members:details")
    return TemplateResponse(
        request,
        "members/details.html",
        {
            "address": address,
            "form": form,
            "erase_form": EraseForm(),
            "meeting_email_links": details.meeting_email_links(address),
            "held": _held(address),
            "link_minutes": details.link_minutes(),
            "error_summary": error_summary(form, "details-form") if form and form.is_bound else [],
        },
    )


@_details_view
@require_safe
def details_download(request, address):
    return _download(address)


@_details_view
@require_POST
def details_erase(request, address):
    form = EraseForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose what happens to your certificates, then erase again.")
        return redirect("members:details")
    personal_data.erase(address, keep_verifiable=form.cleaned_data["keep_certificates"])
    request.session.pop(details.SESSION_KEY, None)
    return redirect("members:details_erased")


@require_safe
def details_erased(request):
    return TemplateResponse(request, "members/details_erased.html")
