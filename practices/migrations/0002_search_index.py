"""The GIN index of the practices' search vectors, on PostgreSQL only.

The index is not declared in GoodPractice.Meta (a GinIndex there would be created on SQLite too,
where the column is plain text): this migration creates it when the database is PostgreSQL and
does nothing elsewhere, so `makemigrations --check` stays clean on both.
"""

from django.db import migrations

INDEX = "practice_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON practices_goodpractice USING gin (search_vector)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("practices", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
