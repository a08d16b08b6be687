"""The outbox in the admin: putting failed emails back in the queue by hand."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from outbox.mail import emails_about, retry


@require_POST
def retry_failed_emails(request, content_type_id, object_id):
    """Retry every failed email about one object, for anyone allowed to see that object."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None or not request.user.has_perm(
        f"{content_type.app_label}.view_{content_type.model}"
    ):
        raise PermissionDenied
    about = get_object_or_404(model, pk=object_id)
    # A model says which emails are its own (a subscriber's: every email to the address).
    outbox_messages = getattr(about, "outbox_messages", None)
    count = retry(outbox_messages() if outbox_messages else emails_about(about))
    messages.success(request, f"{count} failed email(s) queued to be sent again.")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = "wagtailadmin_home"
    return redirect(next_url)
