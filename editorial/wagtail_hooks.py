"""Admin hooks for editors: the dashboard panels and the date pickers' safer behaviour."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from editorial.dashboard import PANELS


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(panel() for panel in PANELS)


@hooks.register("insert_global_admin_js")
def date_pickers_that_keep_what_was_typed():
    return format_html('<script src="{}"></script>', static("js/admin-date-pickers.js"))
