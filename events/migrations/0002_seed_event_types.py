"""Seed the event types the group starts with; editors can add, rename or remove them later."""

from django.db import migrations

EVENT_TYPES = [
    ("Meeting", "meeting", True),
    ("Educational event", "educational-event", False),
    ("Webinar", "webinar", False),
    ("Workshop", "workshop", False),
    ("Conference", "conference", False),
]


def seed_event_types(apps, schema_editor):
    EventType = apps.get_model("events", "EventType")
    for name, slug, is_group_meeting in EVENT_TYPES:
        EventType.objects.get_or_create(
            slug=slug, defaults={"name": name, "is_group_meeting": is_group_meeting}
        )


def remove_unused_event_types(apps, schema_editor):
    EventType = apps.get_model("events", "EventType")
    slugs = [slug for _name, slug, _meeting in EVENT_TYPES]
    EventType.objects.filter(slug__in=slugs, events__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(seed_event_types, remove_unused_event_types)]
