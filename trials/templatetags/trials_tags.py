"""Template tags for trial pages: their schema.org JSON-LD."""

from django import template

from portal.structured_data import json_ld_script
from trials.structured_data import trial_structured_data

register = template.Library()


@register.simple_tag(takes_context=True)
def trial_json_ld(context, trial):
    return json_ld_script(trial_structured_data(trial, context.get("request")))
