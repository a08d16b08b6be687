"""Brings every group up to the one table of roles in `portal/roles.py`.

The earlier role migrations stay as they ran; from here on, a change to who may do what is a
change to `portal.roles.ROLES` plus a migration like this one that runs `sync_roles`.
"""

from django.db import migrations

from portal.roles import sync_roles


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_moderators_replace_live_files_and_set_group_meetings"),
        ("membership", "0004_join_request_routing_for_membership_only"),
        ("registrations", "0002_event_organisers_group"),
        ("notifications", "0002_announce_and_subscriber_permissions"),
    ]

    operations = [migrations.RunPython(sync_roles, migrations.RunPython.noop)]
