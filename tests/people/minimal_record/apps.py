from django.apps import AppConfig


class MinimalRecordConfig(AppConfig):
    name = "tests.people.minimal_record"
    label = "minimal_record"
