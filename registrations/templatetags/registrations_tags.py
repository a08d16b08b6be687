"""The registration panel on an event page, for events with registration on the portal, and
the event's materials (slides, recordings) for those allowed to see them."""

from django import template
from django.urls import reverse

from people.consent import privacy_notice
from registrations import materials
from registrations.forms import FORM_ID, RegistrationForm
from registrations.places import places_left
from registrations.views import may_register

register = template.Library()


@register.inclusion_tag("registrations/includes/registration_panel.html", takes_context=True)
def registration_panel(context, event):
    request = context.get("request")
    if not event.shows_registration_form or (
        event.pk and request is not None and not may_register(event, request)
    ):
        return {"show": False}

    left = places_left(event) if event.pk else event.places
    return {
        "show": True,
        "event": event,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "form": context.get("registration_form") or RegistrationForm(),
        "form_id": FORM_ID,
        "places_left": left,
        "is_full": left == 0,
        "is_open": event.registration_is_open and event.live,
        "privacy_page": privacy_notice(event.get_site()) if event.pk else None,
    }


@register.inclusion_tag("registrations/includes/materials_panel.html", takes_context=True)
def materials_panel(context, event):
    """The materials for everyone, or for a signed-in member the audience lets in; otherwise a
    note saying how to reach them. What an anonymous reader sees is the same for all of them,
    so the page may still be cached for the public (a member's request has a session, which
    the page cache never answers or stores)."""
    shown = materials.shown_materials(event)
    if not shown:
        return {"show": False}
    request = context.get("request")
    audience = event.materials_audience
    if audience == materials.AUDIENCE.EVERYONE:
        may_see, is_member = True, False
    elif request is not None and event.pk:
        may_see, is_member = materials.signed_in_access(event, request)
    else:
        may_see, is_member = False, False

    def url(material):
        if material.link:
            return material.link
        if audience == materials.AUDIENCE.EVERYONE or material.pk is None:  # or a preview
            return material.document.url
        return reverse("registrations:member_material", args=[event.pk, material.pk])

    return {
        "show": True,
        "event": event,
        "may_see": may_see,
        "is_member": is_member,
        "for_members": audience == materials.AUDIENCE.MEMBERS,
        "signed_in": bool(request and request.user.is_authenticated),
        "next": event.url if event.pk else "",
        "items": [{"material": m, "url": url(m)} for m in shown] if may_see else [],
    }
