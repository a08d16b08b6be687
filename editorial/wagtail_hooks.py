"""Admin hooks for editors: dashboard panels, safer date pickers and the admin stylesheet."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from editorial import guide
from editorial.dashboard import PANELS


class GuideLinkPanel(Component):
    """A link to the group's own guide, for everyone who signs in to the admin."""

    name = "editor_guide"
    order = 1
    template_name = "editorial/dashboard/guide.html"


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(panel() for panel in PANELS)
    panels.append(GuideLinkPanel())
    # Pages waiting for a Moderator's approval come first: the one job only they can do.
    for panel in panels:
        if panel.name == "workflow_objects_to_moderate":
            panel.order = 0


@hooks.register("insert_global_admin_js")
def date_pickers_that_keep_what_was_typed():
    return format_html('<script src="{}"></script>', static("js/admin-date-pickers.js"))


@hooks.register("insert_global_admin_js")
def dates_read_back_in_words():
    return format_html('<script src="{}"></script>', static("js/admin-date-read-back.js"))


@hooks.register("insert_global_admin_css")
def admin_styles():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_admin_urls")
def editor_guide_urls():
    # Admin URLs need a signed-in user with admin access.
    return [
        path("guide/", guide.guide, name="editor_guide"),
        path("guide/screenshots/<str:name>", guide.screenshot, name="editor_guide_screenshot"),
    ]


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    return MenuItem("Our editor's guide", reverse("editor_guide"), icon_name="help", order=100)
