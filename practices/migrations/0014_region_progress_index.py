"""A region's finished (or ongoing) practices, newest first, walked from an index of their own."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_translated_names"),
        ("practices", "0013_query_unaccent"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="goodpractice",
            index=models.Index(
                fields=["status", "region", "progress", "-published_at", "-id"],
                name="practice_region_progress",
            ),
        ),
    ]
