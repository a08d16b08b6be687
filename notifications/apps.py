from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Meeting notifications"

    def ready(self):
        from notifications import personal_data
        from people.personal_data import register

        register("subscribers", export=personal_data.export, erase=personal_data.erase)
