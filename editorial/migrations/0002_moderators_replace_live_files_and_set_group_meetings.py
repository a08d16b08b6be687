"""Moderators alone may replace the file of an image or document a live page uses, and tick or
untick "is group meeting" on an event type (which changes who receives announcements)."""

from django.db import migrations

MODERATORS = "Moderators"
# (app_label, model, codename, name): checked as "<app_label>.<codename>".
PERMISSIONS = [
    ("wagtailimages", "image", "replace_live_file_image", "Can replace the file of a live image"),
    (
        "wagtaildocs",
        "document",
        "replace_live_file_document",
        "Can replace the file of a live document",
    ),
    ("events", "eventtype", "set_group_meeting_eventtype", "Can set which types are meetings"),
]


def give_to_moderators(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    for app_label, model, codename, name in PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        moderators.permissions.add(permission)


def remove(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(codename__in=[codename for _, _, codename, _ in PERMISSIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_editor_and_moderator_roles")]

    operations = [migrations.RunPython(give_to_moderators, remove)]
