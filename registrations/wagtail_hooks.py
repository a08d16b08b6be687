"""The "Registrations" admin area, seen only by superusers and the Event organisers group."""

from django.contrib import admin
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail_modeladmin.options import modeladmin_register

from events.models import EventPage
from people.modeladmin import PersonRecordAdmin, SafeExportIndexView
from registrations import admin_views, places
from registrations.models import Registration


class RegistrationAdminForm(WagtailAdminModelForm):
    """A place an organiser cancels is cancelled as the person's own link does: they are
    emailed, their calendar entry is cancelled, and the first person waiting gets the place."""

    def save(self, commit=True):
        if (
            commit
            and "status" in self.changed_data
            and self.cleaned_data["status"] == Registration.Status.CANCELLED
        ):
            places.cancel(self.instance, by_organiser=True)
            return self.instance
        registration = super().save(commit=commit)
        if commit and "status" in self.changed_data:
            places.promote_waiting(registration.event)
        return registration


class EventFilter(admin.SimpleListFilter):
    title = "event"
    parameter_name = "event"

    def lookups(self, request, model_admin):
        events = EventPage.objects.filter(registration=EventPage.RegistrationMode.PORTAL)
        return [
            (str(pk), title) for pk, title in events.order_by("-start").values_list("pk", "title")
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(event_id=self.value())
        return queryset


class RegistrationIndexView(SafeExportIndexView):
    export_headings = {"event": "Event", "get_status_display": "Status"}


@modeladmin_register
class RegistrationAdmin(PersonRecordAdmin):
    model = Registration
    menu_label = "Registrations"
    menu_icon = "list-ul"
    menu_order = 252
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    list_display = (
        "full_name",
        "email",
        "event",
        "status",
        "role",
        "organisation",
        "registered_at",
    )
    list_filter = ("status", EventFilter)
    search_fields = ("full_name", "email", "organisation")
    list_export = (
        "registered_at",
        "event",
        "full_name",
        "email",
        "role",
        "organisation",
        "needs",
        "get_status_display",
        "consent_given_at",
        "privacy_notice_version",
    )
    export_filename = "registrations"
    inspect_view_fields = [
        "event",
        "full_name",
        "email",
        "role",
        "organisation",
        "needs",
        "status",
        "registered_at",
        "consent_given_at",
        "privacy_notice_version",
        "feedback_rating",
        "feedback_comments",
        "delivery_state_display",
    ]
    edit_handler = ObjectList([FieldPanel("status")], base_form_class=RegistrationAdminForm)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("event")


@hooks.register("register_admin_urls")
def organiser_urls():
    return [
        path(
            "registrations/events/",
            admin_views.EventListView.as_view(),
            name="registrations_events",
        ),
        path(
            "registrations/events/<int:event_id>/check-in/",
            admin_views.CheckInView.as_view(),
            name="registrations_check_in",
        ),
        path(
            "registrations/events/<int:event_id>/attendance-report/",
            admin_views.AttendanceReportView.as_view(),
            name="registrations_attendance_report",
        ),
        path(
            "registrations/events/<int:event_id>/email/",
            admin_views.EmailAttendeesView.as_view(),
            name="registrations_email",
        ),
        path(
            "registrations/events/<int:event_id>/materials/",
            admin_views.MaterialsView.as_view(),
            name="registrations_materials",
        ),
        path(
            "registrations/events/<int:event_id>/certificates/",
            admin_views.CertificatesView.as_view(),
            name="registrations_certificates",
        ),
        path(
            "registrations/events/<int:event_id>/certificates/<int:certificate_id>/",
            admin_views.CertificateView.as_view(),
            name="registrations_certificate",
        ),
    ]


class OrganiserMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_read(request.user)


@hooks.register("register_admin_menu_item")
def event_registrations_menu_item():
    return OrganiserMenuItem(
        "Event registrations", reverse("registrations_events"), icon_name="date", order=251
    )
