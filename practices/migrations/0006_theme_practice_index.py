from django.db import migrations


class Migration(migrations.Migration):
    """An index of the practices of each theme, for the theme filter.

    Django's own index of the themes table covers the theme alone, so counting a theme's
    practices in a region read every row of the theme from the table. Django declares no
    index on an implicit many-to-many table, hence plain SQL (the same on SQLite).
    """

    dependencies = [("practices", "0005_region_published_index")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX practice_themes_by_theme "
            "ON practices_goodpractice_themes (theme_id, goodpractice_id)",
            reverse_sql="DROP INDEX practice_themes_by_theme",
        ),
    ]
