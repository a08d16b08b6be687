"""The sign-up form for any page: `{% load notifications_tags %}{% notification_signup %}`."""

from django import template

from notifications.forms import FORM_ID, SignupForm

register = template.Library()


@register.inclusion_tag("notifications/includes/signup_panel.html", takes_context=True)
def notification_signup(context):
    # A fresh form each time, so that its "started at" stamp is the time the page was shown.
    return {
        "form": SignupForm(),
        "form_id": FORM_ID,
        "request": context.get("request"),
        "settings": context.get("settings"),
    }
