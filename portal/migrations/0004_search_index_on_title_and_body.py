"""A full-text index for site and library search on PostgreSQL.

Wagtail's database search backend matches `title || body` of its index table, but only indexes
`title` and `body` separately, so on PostgreSQL every search read the whole table. This GIN
index on the same expression lets PostgreSQL find matching entries from the index. Other
databases keep their own full-text tables and need nothing here.
"""

from django.db import migrations

INDEX = "portal_search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING GIN ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_outbox_failed_status_and_give_up"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
