"""Shared behaviour for wagtail-modeladmin lists of people (join requests, subscribers,
registrations): `PersonRecordAdmin` and the views it is made of.

Such lists hold personal data and are exported to spreadsheets, so their index views accept
only the filters the page shows, clear a filter that does not parse instead of failing, and
export CSV cells that no spreadsheet will run as a formula; their history pages are shown only
to those who may read the record, and deleting a person erases everything that names them.
"""

import datetime

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import label_for_field, lookup_field
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.text import capfirst
from wagtail.admin import messages
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin
from wagtail_modeladmin.views import DeleteView, HistoryView, IndexView, InspectView

from outbox.models import DeliveryState, OutgoingEmail

# Spreadsheet programs run cells that start like this as formulas.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Excel reads a CSV as UTF-8 (accented names intact) only when it starts with this mark.
BYTE_ORDER_MARK = "\ufeff"
# Day first, as UK spreadsheets read dates, in UK time to the minute.
CSV_DATE_TIME = "%d/%m/%Y %H:%M"
CSV_DATE = "%d/%m/%Y"


def spreadsheet_date(value):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime(CSV_DATE_TIME)
    return value.strftime(CSV_DATE)


def filter_parameter(list_filter_entry):
    """The query parameter (before any `__lookup`) that one `list_filter` entry reads."""
    if isinstance(list_filter_entry, str):
        return list_filter_entry
    if isinstance(list_filter_entry, (tuple, list)):
        return list_filter_entry[0]
    return list_filter_entry.parameter_name


class SafeExportIndexView(IndexView):
    FORMATS = ("csv",)
    # One CSV button: Wagtail's own offers XLSX too, which these lists do not export.
    export_buttons_template_name = "people/admin/csv_export_button.html"
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.date: {IndexView.FORMAT_CSV: spreadsheet_date},
    }

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            messages.error(request, "That filter was not valid, so it has been cleared.")
            return redirect(self.model_admin.url_helper.index_url)

    def get_filters_params(self, params=None):
        # Only the filters shown on the page: no lookups through relations typed into the URL.
        shown = {
            filter_parameter(entry) for entry in self.model_admin.get_list_filter(self.request)
        }
        return {
            name: value
            for name, value in super().get_filters_params(params).items()
            if name.split("__")[0] in shown
        }

    def get_heading(self, queryset, field):
        # Sentence case, as the list itself shows it, not modeladmin's Title Case.
        if field in self.export_headings:
            return self.export_headings[field]
        return capfirst(label_for_field(field, model=self.model, model_admin=self.model_admin))

    def to_row_dict(self, item):
        # An empty answer is an empty cell: modeladmin writes its "-" placeholder instead,
        # which the formula guard below would then turn into "'-".
        row = {}
        for field in self.list_export:
            _, _, value = lookup_field(field, item, self.model_admin)
            row[field] = "" if value is None or value == "" else value
        return row

    def stream_csv(self, queryset):
        yield BYTE_ORDER_MARK.encode()
        yield from super().stream_csv(queryset)

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
            return "'" + value
        return value


class ReadPermissionHistoryView(HistoryView):
    """modeladmin's history view checks no permission of its own, yet its heading names the
    person: only those who may inspect the record may open it."""

    def check_action_permitted(self, user):
        return self.permission_helper.user_can_inspect_obj(user, self.instance)


class ErasingDeleteView(DeleteView):
    """Deletes through the model's `erase()`, which also removes the emails and logs that name
    the person: deleting only the row would leave their address behind."""

    def delete_instance(self):
        self.instance.erase()


class DeliveryFilter(admin.SimpleListFilter):
    """Filters a list annotated with `emails_failed`, `emails_waiting` and `emails_sent`."""

    title = "email delivery"
    parameter_name = "delivery"

    def lookups(self, request, model_admin):
        return DeliveryState.choices

    def queryset(self, request, queryset):
        if self.value() == DeliveryState.FAILED:
            return queryset.filter(emails_failed__gt=0)
        if self.value() == DeliveryState.WAITING:
            return queryset.filter(emails_failed=0, emails_waiting__gt=0)
        if self.value() == DeliveryState.SENT:
            return queryset.filter(emails_failed=0, emails_waiting=0, emails_sent__gt=0)
        if self.value() == DeliveryState.NONE:
            return queryset.filter(emails_failed=0, emails_waiting=0, emails_sent=0)
        return queryset


class OutboxInspectView(InspectView):
    """Inspect a person with the emails they were sent: failed ones can be sent again.

    The model's `outbox_messages()` says which emails are the person's."""

    def get_context_data(self, **kwargs):
        emails = self.instance.outbox_messages().order_by("created_at", "pk")
        return super().get_context_data(
            emails=emails,
            failed_email_count=emails.filter(status=OutgoingEmail.Status.FAILED).count(),
            about_type_id=ContentType.objects.get_for_model(self.instance).pk,
            about_id=self.instance.pk,
            **kwargs,
        )


class PersonRecordPermissionHelper(PermissionHelper):
    """Reading needs the view or change permission; records of people come only from the
    public forms, never added here."""

    def _can_read(self, user):
        return self.user_has_specific_permission(
            user, self.get_perm_codename("view")
        ) or self.user_has_specific_permission(user, self.get_perm_codename("change"))

    def user_can_list(self, user):
        return self._can_read(user)

    def user_can_inspect_obj(self, user, obj):
        return self._can_read(user)

    def user_can_create(self, user):
        return False


class PersonRecordAdmin(ModelAdmin):
    """A list of people (models built on `people.models.PersonRecord`): CSV safe for
    spreadsheets, deletion that erases, history only for readers, and the delivery of their
    emails as a column, a filter and, on Inspect, the emails with *Try sending again*."""

    permission_helper_class = PersonRecordPermissionHelper
    index_view_class = SafeExportIndexView
    history_view_class = ReadPermissionHistoryView
    delete_view_class = ErasingDeleteView
    inspect_view_enabled = True
    inspect_view_class = OutboxInspectView
    inspect_template_name = "people/admin/inspect.html"
    list_per_page = 50

    def get_list_display(self, request):
        return (*super().get_list_display(request), "delivery_state_display")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), DeliveryFilter)

    def get_queryset(self, request):
        return super().get_queryset(request).with_delivery_state()
