"""The moved outbox's table, indexes and content type take the app's name."""

from django.db import migrations


def move_content_type(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    if not content_types.objects.filter(app_label="outbox", model="outgoingemail").exists():
        content_types.objects.filter(app_label="portal", model="outgoingemail").update(
            app_label="outbox"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('outbox', '0001_initial'),
    ]

    operations = [
        migrations.RenameIndex(
            model_name='outgoingemail',
            new_name='outbox_outg_status_4529bc_idx',
            old_name='portal_outg_status_8c4539_idx',
        ),
        migrations.RenameIndex(
            model_name='outgoingemail',
            new_name='outbox_outg_about_t_d1edcc_idx',
            old_name='portal_outg_about_t_ab8ed1_idx',
        ),
        migrations.AlterModelTable(
            name='outgoingemail',
            table=None,
        ),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]
