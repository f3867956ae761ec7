"""Keep the practices' rows narrow on PostgreSQL, so a search reads little more than the search
vectors and the filtered columns.

A practice's long texts (summary, description, evidence …) made rows of about 4.5 KB, just
under PostgreSQL's 2 KB-per-column out-of-line threshold, so they stayed in the table: a search
or a filter over 50,000 rows read 225 MB. With `toast_tuple_target = 256` the long texts move
out of line (read only for the rows a page shows) while the search vector, set to MAIN storage,
stays in the row: the table of the 100,000-practice benchmark went from 449 MB to 129 MB.

PostgreSQL only; nothing to do on SQLite, so `makemigrations --check` stays clean on both.
"""

from django.db import migrations

TABLE = "practices_goodpractice"


def narrow(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE MAIN")
    schema_editor.execute(f"ALTER TABLE {TABLE} SET (toast_tuple_target = 256)")


def widen(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"ALTER TABLE {TABLE} ALTER COLUMN search_vector SET STORAGE EXTENDED")
    schema_editor.execute(f"ALTER TABLE {TABLE} RESET (toast_tuple_target)")


class Migration(migrations.Migration):
    dependencies = [("practices", "0003_title_index")]

    operations = [migrations.RunPython(narrow, widen, elidable=False)]
