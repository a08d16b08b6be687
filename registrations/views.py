"""The public side of registrations: the form's post, the links in emails, certificates.

These are plain URLs rather than page routes, so that links in emails already sent keep
working whatever editors do to the pages.
"""

import logging
import re

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from events.models import EventPage
from people.consent import privacy_notice_version
from portal.antispam import FormRateLimit, RateLimit, too_many_requests, turn_away
from portal.forms import error_summary
from registrations import certificates, materials, places, tokens
from registrations.forms import FORM_ID, FeedbackForm, RegistrationForm
from registrations.models import (
    CERTIFICATE_ALPHABET,
    CERTIFICATE_PREFIX,
    Certificate,
    Registration,
)

logger = logging.getLogger(__name__)

# Posts (valid or not) per connection and email address per hour: plenty for a person correcting
# mistakes; and per connection, for a hospital's staff behind one address.
REGISTRATION_RATE_LIMIT = FormRateLimit("registration", limit=10, ceiling=100, period=60 * 60)
# Certificate checks per client per hour: plenty for a person, or an employer checking a pile of
# certificates; far too few for anyone trying numbers to find names.
VERIFY_RATE_LIMIT = RateLimit("certificate-check", limit=60, period=60 * 60)


def may_register(event, request):
    """Whether this visitor may see the event's page, and so register: a page behind a password
    or for some groups takes registrations from the people it lets in, and no one else."""
    return all(restriction.accept_request(request) for restriction in event.get_view_restrictions())


def _event(request, event_id):
    event = EventPage.objects.live().filter(pk=event_id).first()
    if event is None or not event.shows_registration_form or not may_register(event, request):
        raise Http404
    return event


@require_POST
def register(request, event_id):
    event = _event(request, event_id)
    if not event.registration_is_open:
        return redirect(event.url)
    form = RegistrationForm(request.POST)
    done_url = "registrations:registered"

    def render(form):
        return event.render(
            request,
            context_overrides={
                "registration_form": form,
                "registration_error_summary": error_summary(form, FORM_ID),
            },
        )

    refusal = turn_away(
        request,
        form,
        REGISTRATION_RATE_LIMIT,
        what="the registration form",
        accepted_url=redirect(done_url, event.pk).url,
        logger=logger,
        render_form=render,
    )
    if refusal:
        return refusal
    if form.is_valid():
        details = {name: form.cleaned_data[name] for name in Registration.FORM_FIELDS}
        places.request_place(
            event,
            consent_given_at=timezone.now(),
            privacy_notice_version=privacy_notice_version(
                event.get_site(), without_notice=f"Event page {event.full_url or event.title}"
            ),
            **details,
        )
        return redirect(done_url, event.pk)
    return render(form)


@require_safe
def registered(request, event_id):
    # The same page whether the address was new, waiting or already registered.
    return TemplateResponse(
        request, "registrations/registered.html", {"event": _event(request, event_id)}
    )


def _link_problem(request):
    return TemplateResponse(request, "registrations/link_problem.html", status=404)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """The details given and a button on GET, the place on POST: mail scanners open links."""
    try:
        registration = tokens.object_for_token(Registration, token, tokens.CONFIRM_SALT)
    except tokens.InvalidLink:
        return _link_problem(request)
    if registration is None:
        return _link_problem(request)
    confirmed = False
    if request.method == "POST":
        confirmed = places.confirm(registration)
        registration.refresh_from_db()
    return TemplateResponse(
        request,
        "registrations/confirm.html",
        {
            "registration": registration,
            "event": registration.event,
            "confirmed": confirmed,
            "is_open": registration.event.registration_is_open,
        },
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def cancel(request, token):
    """A button on GET, the cancellation on POST: mail scanners open links, not buttons."""
    try:
        registration = tokens.object_for_token(Registration, token, tokens.CANCEL_SALT)
    except tokens.InvalidLink:
        return _link_problem(request)
    if registration is None:
        return _link_problem(request)
    can_cancel = (
        registration.status
        in (
            Registration.Status.REGISTERED,
            Registration.Status.WAITING,
        )
        and not registration.event.has_ended()
    )
    cancelled = False
    if request.method == "POST" and can_cancel:
        cancelled = places.cancel(registration)
        can_cancel = False
    return TemplateResponse(
        request,
        "registrations/cancel.html",
        {"registration": registration, "can_cancel": can_cancel, "cancelled": cancelled},
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def feedback(request, token):
    try:
        registration = tokens.object_for_token(Registration, token, tokens.FEEDBACK_SALT)
    except tokens.InvalidLink:
        return _link_problem(request)
    if registration is None or registration.status != Registration.Status.ATTENDED:
        return _link_problem(request)
    certificate = getattr(registration, "certificate", None)
    form = FeedbackForm(request.POST if request.method == "POST" else None)
    if registration.feedback_given_at is None and form.is_valid():
        certificate = certificates.record_feedback(
            registration, form.cleaned_data["rating"], form.cleaned_data["comments"]
        )
        return redirect(tokens.feedback_url(registration))
    return TemplateResponse(
        request,
        "registrations/feedback.html",
        {
            "registration": registration,
            "event": registration.event,
            "form": form,
            "form_id": "feedback-form",
            "error_summary": error_summary(form, "feedback-form") if form.is_bound else [],
            "certificate": certificate,
            "download_url": tokens.certificate_download_url(certificate) if certificate else "",
        },
    )


@never_cache
@require_safe
def certificate_download(request, token):
    try:
        certificate = tokens.object_for_token(Certificate, token, tokens.CERTIFICATE_SALT)
    except tokens.InvalidLink:
        return _link_problem(request)
    if certificate is None or not certificate.is_valid:
        # Revoked, or removed at the holder's request: the PDF is no longer given out.
        return _link_problem(request)
    response = HttpResponse(certificates.render_pdf(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate.number}.pdf"'
    return response


@never_cache
@require_safe
def verify(request, number):
    """Genuine, revoked (and when), removed at the holder's request, or not known.

    The answer names a person, so it is kept by no cache (`no-store`, from `never_cache`) and
    indexed by no search engine (`X-Robots-Tag`, as well as the page's robots meta tag).
    """
    response = _verify(request, number)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _verify(request, number):
    if not VERIFY_RATE_LIMIT.hit(request):
        return too_many_requests(request, VERIFY_RATE_LIMIT, what="certificate checks")
    wanted = number.strip().upper()
    # Only a number of the shape we issue is looked up: anything else (a NUL byte, which
    # PostgreSQL refuses in a query, or a mangled link) is simply not known.
    shape = rf"{CERTIFICATE_PREFIX}(-[{CERTIFICATE_ALPHABET}]{{4}}){{4}}"
    certificate = (
        Certificate.objects.filter(number=wanted).first() if re.fullmatch(shape, wanted) else None
    )
    if certificate is None:
        status = 404
    elif certificate.erased_at:
        status = 410
    else:
        status = 200
    return TemplateResponse(
        request,
        "registrations/verify.html",
        {"certificate": certificate, "number": number[:40]},
        status=status,
    )


def _materials_registration(token):
    """The registration a materials link names, if it may see them; None for a bad link."""
    try:
        registration = tokens.object_for_token(Registration, token, tokens.MATERIALS_SALT)
    except tokens.InvalidLink:
        return None
    return registration if materials.registration_for_materials(registration) else None


def _no_robots(response):
    # The page is one person's: kept by no cache and indexed by no search engine.
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@never_cache
@require_safe
def materials_page(request, token):
    """The event's slides and recordings, for a person who had a place (the emailed link)."""
    registration = _materials_registration(token)
    if registration is None:
        return _no_robots(_link_problem(request))
    event = registration.event
    items = [
        {
            "material": material,
            "url": material.link or tokens.material_download_path(token, material),
        }
        for material in materials.shown_materials(event)
    ]
    return _no_robots(
        TemplateResponse(
            request,
            "registrations/materials.html",
            {"registration": registration, "event": event, "items": items},
        )
    )


def _document_response(document):
    response = FileResponse(
        document.file.open("rb"), as_attachment=True, filename=document.filename
    )
    add_never_cache_headers(response)  # no-store, private
    return _no_robots(response)


@require_safe
def material_download(request, token, material_id):
    """A document among the materials, through the person's own link."""
    registration = _materials_registration(token)
    if registration is None:
        return _no_robots(_link_problem(request))
    material = materials.material_of(registration.event, material_id)
    if material is None or material.document is None:
        return _no_robots(_link_problem(request))
    return _document_response(material.document)


@require_safe
def member_material(request, event_id, material_id):
    """A document among the materials, for a signed-in member the event's audience lets in."""
    event = EventPage.objects.live().filter(pk=event_id).first()
    material = materials.material_of(event, material_id) if event else None
    if material is None or material.document is None:
        raise Http404
    if event.materials_audience == materials.AUDIENCE.EVERYONE:
        return redirect(material.document.url)
    may_see, _member = materials.signed_in_access(event, request)
    if not may_see:
        response = TemplateResponse(
            request, "registrations/materials_refused.html", {"event": event}, status=403
        )
        add_never_cache_headers(response)
        return _no_robots(response)
    return _document_response(material.document)
