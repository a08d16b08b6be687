"""The outbox moved to its own app (`outbox`), which took over its table."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('portal', '0005_search_index_entries_read_without_detours'),
        ('outbox', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name='OutgoingEmail')]
        ),
    ]
