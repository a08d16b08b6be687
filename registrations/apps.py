from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    name = "registrations"
    verbose_name = "Event registrations"

    def ready(self):
        from people.personal_data import register
        from registrations import (
            personal_data,
            signals,  # noqa: F401 - connects the publish handler
        )

        register(
            "cpd_certificates",
            export=personal_data.export_certificates,
            erase=personal_data.erase_certificates,
            verifiable=True,
        )
