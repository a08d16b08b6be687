"""Admin hooks for editors: dashboard panels, safer date pickers and the admin stylesheet."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from editorial.dashboard import PANELS


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(panel() for panel in PANELS)
    # Pages waiting for a Moderator's approval come first: the one job only they can do.
    for panel in panels:
        if panel.name == "workflow_objects_to_moderate":
            panel.order = 0


@hooks.register("insert_global_admin_js")
def date_pickers_that_keep_what_was_typed():
    return format_html('<script src="{}"></script>', static("js/admin-date-pickers.js"))


@hooks.register("insert_global_admin_css")
def admin_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
