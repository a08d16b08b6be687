from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class PortalConfig(AppConfig):
    # This module also holds the users app's config, so Django must be told which is the portal's.
    default = True
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal import checks  # noqa: F401 - registers the deployment checks


class PortalUsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the portal's user forms (roles described on the Roles tab)."""

    user_viewset = "portal.users.UserViewSet"
