"""Each section's (and each of its versions') number of words, counted when it is saved
(`interventures.richtext.WordCountField`) instead of on every request; the existing rows are
counted here."""

from django.db import migrations

import interventures.richtext

BATCH = 500


def count_words(apps, schema_editor):
    for name in ("ReportSection", "HistoricalReportSection"):
        model = apps.get_model("reports", name)
        rows = []
        for row in model.objects.only("pk", "body").iterator(chunk_size=BATCH):
            row.word_count = interventures.richtext.word_count(row.body)
            rows.append(row)
            if len(rows) == BATCH:
                model.objects.bulk_update(rows, ["word_count"])
                rows = []
        model.objects.bulk_update(rows, ["word_count"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0010_indicator_codes")]

    operations = [
        migrations.AddField(
            model_name="historicalreportsection",
            name="word_count",
            field=interventures.richtext.WordCountField(
                default=0, editable=False, verbose_name="words"
            ),
        ),
        migrations.AddField(
            model_name="reportsection",
            name="word_count",
            field=interventures.richtext.WordCountField(
                default=0, editable=False, verbose_name="words"
            ),
        ),
        migrations.RunPython(count_words, migrations.RunPython.noop),
    ]
