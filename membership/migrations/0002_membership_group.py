"""Creates the "Membership" group: the people who may read and handle join requests."""

from django.db import migrations

GROUP_NAME = "Membership"
JOIN_REQUEST_PERMISSIONS = [
    ("view_joinrequest", "Can view join request"),
    ("change_joinrequest", "Can change join request"),
]


def create_membership_group(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    # Django creates model permissions after migrations; create the ones we need now.
    join_request_type, _ = ContentType.objects.get_or_create(
        app_label="membership", model="joinrequest"
    )
    permissions = [
        Permission.objects.get_or_create(
            content_type=join_request_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in JOIN_REQUEST_PERMISSIONS
    ]
    permissions.append(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )

    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(*permissions)


def remove_membership_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_membership_group, remove_membership_group)]
