"""Subscribers record consent like every record of a person (people.models.PersonRecord).

Those who signed up before are taken to have consented when they signed up."""

from django.db import migrations, models
from django.db.models import F


def consent_when_signed_up(apps, schema_editor):
    apps.get_model("notifications", "Subscriber").objects.update(consent_given_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("notifications", "0002_announce_and_subscriber_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscriber",
            name="consent_given_at",
            field=models.DateTimeField(null=True, verbose_name="consent given"),
        ),
        migrations.RunPython(consent_when_signed_up, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="subscriber",
            name="consent_given_at",
            field=models.DateTimeField(verbose_name="consent given"),
        ),
        migrations.AddField(
            model_name="subscriber",
            name="privacy_notice_version",
            field=models.CharField(
                default="Not recorded: signed up before the notice seen was kept",
                help_text="The notice and the date it last changed.",
                max_length=300,
                verbose_name="privacy notice seen",
            ),
            preserve_default=False,
        ),
    ]
