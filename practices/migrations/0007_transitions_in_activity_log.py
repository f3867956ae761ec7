"""The publication steps move into the shared activity log (activity.ActivityEntry) and their
own table goes. Reversible: going back copies the entries into the old table."""

from django.db import migrations

VERBS = {
    "submitted": "practice.submitted",
    "published": "practice.published",
    "returned": "practice.returned",
}


def practice_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="practices", model="goodpractice")[0]


def copy_into_activity_log(apps, schema_editor):
    PracticeTransition = apps.get_model("practices", "PracticeTransition")
    ActivityEntry = apps.get_model("activity", "ActivityEntry")
    content_type = practice_type(apps)
    steps = PracticeTransition.objects.select_related("practice").order_by("created_at", "pk")
    ActivityEntry.objects.bulk_create(
        ActivityEntry(
            created_at=step.created_at,
            actor_id=step.actor_id,
            verb=VERBS.get(step.to_status, "practice.status_changed"),
            content_type=content_type,
            object_id=str(step.practice_id),
            object_repr=step.practice.title[:200],
            from_state=step.from_status,
            to_state=step.to_status,
            data={"reason": step.reason} if step.reason else {},
        )
        for step in steps
    )


def copy_back(apps, schema_editor):
    PracticeTransition = apps.get_model("practices", "PracticeTransition")
    ActivityEntry = apps.get_model("activity", "ActivityEntry")
    entries = ActivityEntry.objects.filter(
        content_type=practice_type(apps),
        verb__in=set(VERBS.values()) | {"practice.status_changed"},
    )
    for entry in entries.order_by("created_at", "pk"):
        PracticeTransition.objects.create(
            practice_id=int(entry.object_id),
            actor_id=entry.actor_id,
            from_status=entry.from_state,
            to_status=entry.to_state,
            reason=entry.data.get("reason", ""),
        )
    entries.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0006_theme_practice_index"),
        ("activity", "0001_activity_entry"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(copy_into_activity_log, copy_back),
        migrations.DeleteModel(name="PracticeTransition"),
    ]
