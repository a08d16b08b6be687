from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = "Event registrations"

    def ready(self):
        from registrations import signals  # noqa: F401 - connects the publish handler
