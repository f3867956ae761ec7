"""The review steps move into the shared activity log (activity.ActivityEntry) and their own
table goes. Reversible: going back copies the entries into the old table."""

from django.db import migrations

VERBS = {
    ("draft", "in_review"): "report.submitted",
    ("changes_requested", "in_review"): "report.submitted",
    ("in_review", "changes_requested"): "report.changes_requested",
    ("in_review", "approved"): "report.approved",
    ("approved", "changes_requested"): "report.reopened",
}


def report_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="reports", model="situationanalysisreport")[0]


def copy_into_activity_log(apps, schema_editor):
    ReportTransition = apps.get_model("reports", "ReportTransition")
    ActivityEntry = apps.get_model("activity", "ActivityEntry")
    content_type = report_type(apps)
    ActivityEntry.objects.bulk_create(
        ActivityEntry(
            created_at=step.created_at,
            actor_id=step.actor_id,
            verb=VERBS.get((step.from_status, step.to_status), "report.status_changed"),
            content_type=content_type,
            object_id=str(step.report_id),
            object_repr=step.report.title[:200],
            from_state=step.from_status,
            to_state=step.to_status,
            data={"reason": step.reason} if step.reason else {},
        )
        for step in ReportTransition.objects.select_related("report").order_by("created_at", "pk")
    )


def copy_back(apps, schema_editor):
    ReportTransition = apps.get_model("reports", "ReportTransition")
    ActivityEntry = apps.get_model("activity", "ActivityEntry")
    entries = ActivityEntry.objects.filter(
        content_type=report_type(apps), verb__in=set(VERBS.values()) | {"report.status_changed"}
    )
    for entry in entries.order_by("created_at", "pk"):
        ReportTransition.objects.create(
            report_id=int(entry.object_id),
            actor_id=entry.actor_id,
            from_status=entry.from_state,
            to_status=entry.to_state,
            reason=entry.data.get("reason", ""),
        )
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_compendium"),
        ("activity", "0001_activity_entry"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(copy_into_activity_log, copy_back),
        migrations.DeleteModel(name="ReportTransition"),
    ]
