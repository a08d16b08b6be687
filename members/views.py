"""The public pages of members: taking up an invitation."""

from django.contrib.auth import login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from wagtail.models import Site

from members import invitations
from people.consent import privacy_notice, privacy_notice_version

# A member signs in through their emailed link or code, never with a password.
MEMBER_BACKEND = "django.contrib.auth.backends.ModelBackend"


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
        login(request, member.user, backend=MEMBER_BACKEND)
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
