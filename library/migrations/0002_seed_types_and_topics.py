"""Seeds the resource types and topics the group started with; editors change them afterwards."""

from django.db import migrations

RESOURCE_TYPES = [
    ("Article or paper", "article-or-paper", False),
    ("Guideline", "guideline", False),
    ("Theory or framework", "theory-or-framework", False),
    ("Presentation", "presentation", False),
    ("Recording", "recording", False),
    ("Toolkit or template", "toolkit-or-template", False),
    ("Course or training", "course-or-training", False),
    ("Funding opportunity", "funding-opportunity", True),
]

TOPICS = [
    ("Implementation science", "implementation-science"),
    ("Evidence-based care", "evidence-based-care"),
    ("Knowledge mobilisation", "knowledge-mobilisation"),
    ("Research and grant applications", "research-and-grant-applications"),
    ("Trials", "trials"),
    ("Education", "education"),
]


def seed(apps, schema_editor):
    ResourceType = apps.get_model("library", "ResourceType")
    Topic = apps.get_model("library", "Topic")
    for name, slug, has_closing_date in RESOURCE_TYPES:
        ResourceType.objects.get_or_create(
            slug=slug, defaults={"name": name, "has_closing_date": has_closing_date}
        )
    for name, slug in TOPICS:
        Topic.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
