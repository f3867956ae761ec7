from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("interventures", "0001_cache_tables")]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("key", models.CharField(max_length=100, primary_key=True, serialize=False)),
                ("token", models.CharField(max_length=32)),
                ("changed_at", models.DateTimeField()),
            ],
        ),
    ]
