"""The registration panel on an event page, for events with registration on the portal."""

from django import template

from people.consent import privacy_notice
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
