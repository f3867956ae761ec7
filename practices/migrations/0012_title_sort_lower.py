"""The title sort is lower-case (A–Z whatever the case): its index follows."""

import django.db.models.functions.text
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0004_translated_names"),
        ("practices", "0011_multilingual_search"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="goodpractice",
            name="practice_title",
        ),
        migrations.AddIndex(
            model_name="goodpractice",
            index=models.Index(
                models.F("status"),
                django.db.models.functions.text.Lower("title"),
                models.F("id"),
                name="practice_title_lower",
            ),
        ),
    ]
