from django.apps import AppConfig


class MembershipConfig(AppConfig):
    name = "membership"
    verbose_name = "Membership"

    def ready(self):
        from membership import personal_data
        from people.personal_data import register

        register("join_requests", export=personal_data.export, erase=personal_data.erase)
