"""Template tags for trial pages (their schema.org JSON-LD) and for other apps' pages that show
trials, e.g. an event's related trials."""

from django import template

from portal.structured_data import json_ld_script
from trials.models import TrialPage
from trials.structured_data import trial_structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def trial_json_ld(context, trial):
    return json_ld_script(trial_structured_data(trial, context.get("request")))


@register.inclusion_tag("trials/includes/related_trials.html", takes_context=True)
def related_trials(context, event):
    """The published trial summaries linked to `event`, in one query however many there are."""
    trials = TrialPage.objects.none()
    if event.pk:  # A new event being previewed has no trials yet.
        trials = TrialPage.objects.live().public().filter(related_events=event).order_by("title")
    return {"trials": trials, "request": context.get("request")}
