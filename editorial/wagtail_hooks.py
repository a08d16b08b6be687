"""Admin hooks for editors: dashboard panels, safer date pickers, the admin stylesheet, and
where an editor lands after handing a page on."""

from django.contrib import messages
from django.shortcuts import redirect
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
    # After each role's own work, which leads the dashboard; Help in the menu also has it.
    order = 1000
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


@hooks.register("insert_editor_js")
def word_paste_keeps_its_meaning():
    return format_html('<script src="{}"></script>', static("js/admin-word-paste.js"))


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


@hooks.register("construct_help_menu")
def only_our_guide_in_help(request, menu_items):
    """Wagtail's own "Editor Guide" and "What's new" pages (on wagtail.org, about Wagtail, not
    this site) sat beside ours and were mistaken for it: Help keeps ours and the shortcuts."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in ("editor-guide",) and not item.name.startswith("whats-new-in-wagtail")
    ]


# The edit view's actions after which Wagtail leaves the editor, for the parent page's listing.
ACTIONS_THAT_LEAVE = (
    "action-publish",
    "action-submit",
    "action-restart-workflow",
    "action-workflow-action",
)


@hooks.register("after_edit_page")
def land_where_the_work_is(request, page):
    """After a page is published, submitted or approved, Wagtail shows the parent page's
    listing; for the home page that is the site's "Root", which editors cannot use and which
    greeted them with a warning. They go to the dashboard instead."""
    if request.method != "POST" or not any(request.POST.get(a) for a in ACTIONS_THAT_LEAVE):
        return None
    if page.get_parent().is_root():
        return redirect("wagtailadmin_home")
    return None


@hooks.register("before_edit_page")
def show_the_reviewer_what_changed(request, page):
    """A Moderator opening a page that awaits their approval gets a link to Wagtail's
    comparison of the submitted revision with the live page: what the Editor changed."""
    if request.method != "GET":
        return
    task = page.current_workflow_task
    state = page.current_workflow_task_state
    if not task or not state or not task.specific.get_actions(page, request.user):
        return
    revision = state.revision
    if page.live and page.live_revision_id and revision.pk != page.live_revision_id:
        compare = reverse(
            "wagtailadmin_pages:revisions_compare", args=(page.pk, "live", revision.pk)
        )
        messages.info(
            request,
            format_html(
                'This page awaits your review. <a href="{}">See what was changed</a> compared '
                "with the live page, then approve it or request changes (the arrow beside "
                "Save draft).",
                compare,
            ),
        )
    else:
        messages.info(
            request,
            "This page awaits your review. It is new: nothing of it is published yet, so read "
            "all of it (Preview shows it as readers will see it), then approve it or request "
            "changes (the arrow beside Save draft).",
        )
