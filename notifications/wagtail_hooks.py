"""Admin for notifications: the Subscribers list, and "Announce to subscribers" on events.

Subscribers are seen only by superusers and the Membership group (view permission); events
are announced by anyone with `notifications.announce_event` (Moderators and Membership).
"""

from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail_modeladmin.options import modeladmin_register

from events.models import EventPage
from notifications.admin_views import ANNOUNCE_PERMISSION, AnnounceIndexView, AnnounceView
from notifications.models import Subscriber
from people.modeladmin import (
    PersonRecordAdmin,
    PersonRecordPermissionHelper,
    SafeExportIndexView,
)


class SubscriberPermissionHelper(PersonRecordPermissionHelper):
    """People join only through the emailed link, never by being edited here; deleting erases
    them and the emails sent to them."""

    def user_can_edit_obj(self, user, obj):
        return False


class SubscriberIndexView(SafeExportIndexView):
    export_headings = {
        "email": "Email address",
        "name": "Name",
        "get_interests_display": "Interests",
        "state_display": "State",
        "confirmed_at": "Confirmed",
        "unsubscribed_at": "Unsubscribed",
        "get_source_display": "Source",
        "created_at": "Signed up",
    }


class StateFilter(admin.SimpleListFilter):
    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Subscriber.State.choices

    def queryset(self, request, queryset):
        if self.value() == Subscriber.State.PENDING:
            return queryset.pending()
        if self.value() == Subscriber.State.CONFIRMED:
            return queryset.confirmed()
        if self.value() == Subscriber.State.UNSUBSCRIBED:
            return queryset.unsubscribed()
        return queryset


@modeladmin_register
class SubscriberAdmin(PersonRecordAdmin):
    model = Subscriber
    menu_label = "Subscribers"
    menu_icon = "mail"
    menu_order = 255
    add_to_admin_menu = True
    permission_helper_class = SubscriberPermissionHelper
    index_view_class = SubscriberIndexView
    list_display = (
        "email",
        "name",
        "interests",
        "state_display",
        "confirmed_at",
        "source",
        "created_at",
    )
    list_filter = (StateFilter, "interests", "source", "created_at")
    search_fields = ("email", "name")
    list_export = (
        "email",
        "name",
        "get_interests_display",
        "state_display",
        "confirmed_at",
        "unsubscribed_at",
        "get_source_display",
        "created_at",
    )
    export_filename = "subscribers"
    inspect_view_fields = [
        "email",
        "name",
        "interests",
        "source",
        "created_at",
        "requested_at",
        "confirmed_at",
        "unsubscribed_at",
        "consent_given_at",
        "privacy_notice_version",
        "delivery_state_display",
    ]


@hooks.register("register_permissions")
def announce_permission():
    app_label, codename = ANNOUNCE_PERMISSION.split(".")
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename)


@hooks.register("register_admin_urls")
def announce_urls():
    return [
        path(
            "notifications/announce/",
            AnnounceIndexView.as_view(),
            name="notifications_announce_index",
        ),
        path(
            "notifications/announce/<int:page_id>/",
            AnnounceView.as_view(),
            name="notifications_announce",
        ),
    ]


class AnnounceMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ANNOUNCE_PERMISSION)


@hooks.register("register_admin_menu_item")
def announce_menu_item():
    return AnnounceMenuItem(
        "Announce events", reverse("notifications_announce_index"), icon_name="mail", order=256
    )


def _announce_button(page, user, priority):
    if page.specific_class is EventPage and page.live and user.has_perm(ANNOUNCE_PERMISSION):
        return Button(
            "Announce to subscribers",
            reverse("notifications_announce", args=[page.pk]),
            icon_name="mail",
            priority=priority,
        )
    return None


@hooks.register("register_page_header_buttons")
def announce_header_button(page, user, view_name, next_url=None):
    button = _announce_button(page, user, priority=40)
    return [button] if button else []


@hooks.register("register_page_listing_more_buttons")
def announce_listing_button(page, user, next_url=None):
    button = _announce_button(page, user, priority=45)
    return [button] if button else []
