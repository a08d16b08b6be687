"""Template tags for event pages: calendar links, the feed's addresses and JSON-LD."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from events.calendar import google_calendar_url, outlook_calendar_url
from events.structured_data import event_structured_data
from portal.models import SiteSettings
from portal.structured_data import json_ld_script

register = template.Library()


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    request = context.get("request")
    organiser = SiteSettings.for_request(request).group_name if request else ""
    return json_ld_script(event_structured_data(event, request, organiser_name=organiser))


@register.simple_tag(takes_context=True)
def google_calendar_link(context, event):
    return google_calendar_url(event, context.get("request"))


@register.simple_tag(takes_context=True)
def outlook_calendar_link(context, event):
    return outlook_calendar_url(event, context.get("request"))


@register.simple_tag(takes_context=True)
def calendar_feed_addresses(context):
    """The feed as a web address to paste, a webcal link for apps, and a Google subscribe link."""
    request = context["request"]
    https_url = request.build_absolute_uri(reverse("events_feed"))
    webcal_url = "webcal://" + https_url.split("://", 1)[1]
    return {
        "url": https_url,
        "webcal": webcal_url,
        "google": "https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal_url}),
    }


@register.simple_tag(takes_context=True)
def event_ics_url(context, event):
    return event.get_url(context.get("request")) + event.reverse_subpage("ics")
