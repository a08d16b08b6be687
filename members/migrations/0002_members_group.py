"""Creates the "Members" group (page privacy names it) and lets the Membership group invite,
see, correct and remove members: `portal.roles.ROLES` says who may do what."""

from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0001_initial"),
        ("editorial", "0003_roles_from_portal_roles"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
