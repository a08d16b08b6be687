"""The "Join requests" admin area, seen only by superusers and the Membership group."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.text import capfirst
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import modeladmin_register
from wagtail_modeladmin.views import EditView

from membership.forms import JoinRequestAdminForm
from membership.models import JoinRequest
from people.modeladmin import OutboxInspectView, PersonRecordAdmin, SafeExportIndexView


class JoinRequestButtonHelper(ButtonHelper):
    def edit_button(self, pk, classnames_add=None, classnames_exclude=None):
        button = super().edit_button(pk, classnames_add, classnames_exclude)
        button.update(label="Change status", title="Change the status or add notes")
        return button


class UndecidedFilter(admin.SimpleListFilter):
    title = "waiting for a decision"
    parameter_name = "undecided"

    def lookups(self, request, model_admin):
        return [("yes", "For longer than the decision period")]

    def queryset(self, request, queryset):
        return queryset.undecided_too_long() if self.value() == "yes" else queryset


class JoinRequestIndexView(SafeExportIndexView):
    export_headings = {
        "role_display": "Role",
        "get_region_display": "Where they work",
        "clinically_active_display": "Clinically active",
        "get_research_experience_display": "Research experience",
        "interests_display": "Interests",
        "wants_meeting_updates_display": "Wants meeting updates",
        "get_status_display": "Status",
        "delivery_state_display": "Email delivery",
    }


class JoinRequestInspectView(OutboxInspectView):
    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_field_display_value(self, field_name, field=None):
        value = getattr(self.instance, field_name, None)
        if callable(value) and not field_name.startswith("get_"):
            return value()
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            status_changes=self.instance.status_changes.select_related("changed_by"),
            # Accepted applicants can be invited to become members (members/invitations.py).
            can_invite=self.instance.status == JoinRequest.Status.ACCEPTED
            and self.request.user.has_perm("members.add_member"),
            **kwargs,
        )


class JoinRequestEditView(EditView):
    """The change-status page says whose request it is before the editor changes anything."""

    page_title = "Change status"

    def get_page_subtitle(self):
        return self.instance.full_name


def email_link(join_request):
    return format_html('<a href="mailto:{0}">{0}</a>', join_request.email)


email_link.short_description = "Email address"
email_link.admin_order_field = "email"


@modeladmin_register
class JoinRequestAdmin(PersonRecordAdmin):
    model = JoinRequest
    menu_label = "Join requests"
    menu_icon = "group"
    menu_order = 250
    add_to_admin_menu = True
    button_helper_class = JoinRequestButtonHelper
    index_view_class = JoinRequestIndexView
    inspect_view_class = JoinRequestInspectView
    edit_view_class = JoinRequestEditView
    edit_template_name = "membership/admin/join_request_edit.html"
    inspect_template_name = "membership/admin/join_request_inspect.html"
    list_display = (
        "full_name",
        email_link,
        "role_display",
        "organisation",
        "status",
        "submitted_at",
    )
    list_filter = ("status", "role", "region", "submitted_at", UndecidedFilter)
    search_fields = ("full_name", "email", "organisation")
    list_export = (
        "submitted_at",
        "full_name",
        "email",
        "role_display",
        "organisation",
        "get_region_display",
        "clinically_active_display",
        "get_research_experience_display",
        "interests_display",
        "wants_meeting_updates_display",
        "message",
        "get_status_display",
        "notes",
        "consent_given_at",
        "privacy_notice_version",
        "delivery_state_display",
    )
    export_filename = "join-requests"
    inspect_view_fields = [
        "full_name",
        "email",
        "role_display",
        "organisation",
        "region",
        "clinically_active_display",
        "research_experience",
        "interests_display",
        "wants_meeting_updates_display",
        "message",
        "submitted_at",
        "consent_given_at",
        "privacy_notice_version",
        "status",
        "notes",
        "delivery_state_display",
    ]
    edit_handler = ObjectList(
        [FieldPanel("status"), FieldPanel("notes")], base_form_class=JoinRequestAdminForm
    )
