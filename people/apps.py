from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = "Records of people"

    def ready(self):
        from people import retention

        retention.register_foundation_rules()
