"""The "Members" admin area, seen only by superusers and the Membership group, and the
invitation sent from an accepted join request."""

from django.contrib import admin
from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
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
