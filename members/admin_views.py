"""The admin's *Invite to become a member* on an accepted join request."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.models import Site

from members.invitations import CannotInvite, invite
from membership.models import JoinRequest


@require_POST
def invite_join_request(request, join_request_id):
    if not request.user.has_perm("members.add_member"):
        raise PermissionDenied
    join_request = get_object_or_404(JoinRequest, pk=join_request_id)
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    try:
        member = invite(join_request, site=site)
    except CannotInvite as problem:
        messages.error(request, str(problem))
    else:
        messages.success(request, f"{member.full_name} has been emailed an invitation to join.")
    return redirect(reverse("membership_joinrequest_modeladmin_inspect", args=[join_request.pk]))
