"""The "Members" admin area, seen only by superusers and the Membership group, the
invitation sent from an accepted join request, and what a members-only page shows those who
may not read it."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.cache import add_never_cache_headers
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.models import BaseViewRestriction
from wagtail_modeladmin.options import modeladmin_register

from members.admin_views import invite_join_request
from members.models import Member
from people.modeladmin import PersonRecordAdmin, SafeExportIndexView


class JoinedFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("member", "Member"), ("invited", "Invited, not yet joined")]

    def queryset(self, request, queryset):
        if self.value() == "member":
            return queryset.joined()
        if self.value() == "invited":
            return queryset.invited()
        return queryset


class MemberIndexView(SafeExportIndexView):
    export_headings = {
        "role_display": "Role",
        "state_display": "State",
        "last_signed_in": "Last signed in",
        "delivery_state_display": "Email delivery",
    }


@modeladmin_register
class MemberAdmin(PersonRecordAdmin):
    model = Member
    menu_label = "Members"
    menu_icon = "user"
    menu_order = 251
    add_to_admin_menu = True
    index_view_class = MemberIndexView
    list_display = (
        "full_name",
        "email",
        "role_display",
        "organisation",
        "state_display",
        "joined_at",
        "last_signed_in",
    )
    list_filter = (JoinedFilter, "role", "joined_at")
    search_fields = ("full_name", "email", "organisation")
    list_export = (
        "full_name",
        "email",
        "role_display",
        "organisation",
        "state_display",
        "invited_at",
        "joined_at",
        "last_signed_in",
        "consent_given_at",
        "privacy_notice_version",
        "delivery_state_display",
    )
    export_filename = "members"
    inspect_view_fields = [
        "full_name",
        "email",
        "role_display",
        "organisation",
        "state_display",
        "invited_at",
        "joined_at",
        "last_signed_in",
        "consent_given_at",
        "privacy_notice_version",
        "delivery_state_display",
    ]

    edit_handler = ObjectList(
        [
            FieldPanel("full_name"),
            FieldPanel("role"),
            FieldPanel("role_other"),
            FieldPanel("organisation"),
        ]
    )

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@hooks.register("register_admin_urls")
def member_urls():
    return [
        path(
            "members/invite/<int:join_request_id>/",
            invite_join_request,
            name="members_invite",
        )
    ]


@hooks.register("on_serve_page", order=-1)
def members_only_pages(serve_page):
    """A page restricted to signed-in users or to groups (Wagtail's privacy settings) shows
    anyone who may not read it its title and how to sign in, and nothing of its content.

    Wagtail would send them to the sign-in page instead, and a signed-in person without access
    round a login loop (wagtail/wagtail#4297): they get a clear message here. Neither answer is
    ever cached, and a request with a session never reaches the page cache (pagecache/cache.py).
    """

    def serve(page, request, args, kwargs):
        refused = _members_only_refusal(request, page.title, "page", page.get_view_restrictions())
        return refused or serve_page(page, request, args, kwargs)

    return serve


@hooks.register("before_serve_document", order=-1)
def members_only_documents(document, request):
    """A document in a collection made members-only (Wagtail's collection privacy) answers as
    a members-only page does: its title and how to sign in, never a loop through sign-in."""
    return _members_only_refusal(
        request, document.title, "document", document.collection.get_view_restrictions()
    )


def _members_only_refusal(request, title, what, restrictions):
    """The members-only notice if a restriction for people who sign in refuses `request`;
    None otherwise (password restrictions are left to Wagtail's password form)."""
    for restriction in restrictions:
        if restriction.restriction_type == BaseViewRestriction.PASSWORD:
            continue
        if not restriction.accept_request(request):
            response = TemplateResponse(
                request,
                "members/members_only.html",
                # Only the title: a page would give its description to the layout's meta tags.
                {"page_title": title, "what": what, "next": request.get_full_path()},
                status=403,
            )
            add_never_cache_headers(response)
            return response
    return None
