"""Gives Moderators and Membership the right to announce events, and Membership the subscribers.

Superusers have every permission already; Editors get neither, so announcing to the whole list
stays with the people the group trusts to speak for it.
"""

from django.db import migrations

ANNOUNCE = ("announcement", "announce_event", "Can announce events to subscribers")
SUBSCRIBER_PERMISSIONS = [
    ("subscriber", "view_subscriber", "Can view subscriber"),
    ("subscriber", "delete_subscriber", "Can delete subscriber"),
]
GRANTS = {
    "Moderators": [ANNOUNCE],
    "Membership": [ANNOUNCE, *SUBSCRIBER_PERMISSIONS],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    def permission(model, codename, name):
        # Django creates model permissions after migrations; create the ones we need now.
        content_type, _ = ContentType.objects.get_or_create(app_label="notifications", model=model)
        return Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]

    for group_name, permissions in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is not None:  # a site may have deleted or renamed Wagtail's default groups
            group.permissions.add(*(permission(*spec) for spec in permissions))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, permissions in GRANTS.items():
        for group in Group.objects.filter(name=group_name):
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label="notifications",
                    codename__in=[codename for _, codename, _ in permissions],
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0001_initial"),
        ("membership", "0002_membership_group"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
