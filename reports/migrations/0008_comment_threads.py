import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0007_report_due_date"),
    ]

    operations = [
        migrations.AddField(
            model_name="reviewcomment",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="replies",
                to="reports.reviewcomment",
                verbose_name="reply to",
            ),
        ),
        migrations.AddField(
            model_name="reviewcomment",
            name="quote",
            field=models.TextField(blank=True, max_length=500, verbose_name="quoted passage"),
        ),
    ]
