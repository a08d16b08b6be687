"""Creates the "Event organisers" group: the people who may see and manage registrations."""

from django.db import migrations

GROUP_NAME = "Event organisers"
PERMISSIONS = {
    "registration": [
        ("view_registration", "Can view registration"),
        ("change_registration", "Can change registration"),
    ],
    "certificate": [("view_certificate", "Can view certificate")],
}


def create_event_organisers_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # Django creates model permissions after migrations; create the ones we need now.
    permissions = []
    for model, codenames in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(
            app_label="registrations", model=model
        )
        permissions += [
            Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": name}
            )[0]
            for codename, name in codenames
        ]
    permissions.append(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*permissions)


def remove_event_organisers_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0001_registrations_and_certificates"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(create_event_organisers_group, remove_event_organisers_group)
    ]
