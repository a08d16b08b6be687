"""Join requests get the random key every record of a person has (people.models.PersonRecord)."""

import uuid

from django.db import migrations, models


def give_each_request_a_key(apps, schema_editor):
    JoinRequest = apps.get_model("membership", "JoinRequest")
    for pk in JoinRequest.objects.values_list("pk", flat=True):
        JoinRequest.objects.filter(pk=pk).update(key=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [
        ("membership", "0004_join_request_routing_for_membership_only"),
    ]

    operations = [
        migrations.AddField(
            model_name="joinrequest",
            name="key",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(give_each_request_a_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="joinrequest",
            name="key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
