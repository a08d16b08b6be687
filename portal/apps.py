from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class PortalConfig(AppConfig):
    # This module also holds the users app's config, so Django must be told which is the portal's.
    default = True
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Imported for what they register: admin date-time fields that need their times, and
        # the deployment checks.
        from portal import admin_dates, checks  # noqa: F401


class PortalUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the portal's user forms (roles described on the Roles tab)."""

    user_viewset = "portal.users.UserViewSet"
