"""Phase 2 of INTER VENTURES ran from February 2022 to January 2023: two semesters, reported on
each; coordinators can change them later."""

from datetime import date

from django.db import migrations

SEMESTERS = [
    (date(2022, 2, 1), date(2022, 7, 31)),
    (date(2022, 8, 1), date(2023, 1, 31)),
]


def add_semesters(apps, schema_editor):
    MonitoringPeriod = apps.get_model("plans", "MonitoringPeriod")
    for starts_on, ends_on in SEMESTERS:
        MonitoringPeriod.objects.get_or_create(starts_on=starts_on, ends_on=ends_on)


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [migrations.RunPython(add_semesters, migrations.RunPython.noop)]
