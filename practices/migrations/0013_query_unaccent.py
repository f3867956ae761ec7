"""A search's words without accents, worked out once per query instead of once per row.

`unaccent` is STABLE (its rules are a file that could change), so PostgreSQL cannot fold
`to_tsquery('simple', unaccent('export:*'))` into a constant when it plans a search: it called
both for every row it read, and could not estimate how many rows match. The rules only change
with the extension, so a query may treat the result as fixed: `practices_unaccent` says so.

PostgreSQL only; nothing to do on SQLite.
"""

from django.db import migrations

CREATE = """
CREATE FUNCTION practices_unaccent(words text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT unaccent(words) $$
"""
DROP = "DROP FUNCTION practices_unaccent(text)"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("practices", "0012_title_sort_lower")]

    operations = [migrations.RunPython(create, drop)]
