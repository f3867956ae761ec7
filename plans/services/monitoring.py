"""Writes of phase 2 monitoring: starting a period's report, recording an action's progress and
its evidence files, the report's summary, its review steps and the periods themselves."""

import uuid

from django.db import transaction

from interventures.activity.services import log_action
from interventures.workflow.services import transition

from ..evidence import Kind, clean_name
from ..models import (
    Action,
    ActionPlan,
    ActionProgress,
    EvidenceFile,
    MonitoringPeriod,
    MonitoringReport,
)
from ..workflow import MONITORING_WORKFLOW

PROGRESS_FIELDS = (
    "status",
    "reason",
    "reached_on",
    "evidence",
    "links",
    "funds_mobilised",
    "improvement_reached",
)


def monitoring_start(
    *, plan: ActionPlan, period: MonitoringPeriod, actor
) -> tuple[MonitoringReport, bool]:
    """The plan's report for `period`, created (and logged) unless it exists: a second click,
    or two editors at once, open the same one. Returns it and whether it was created."""
    with transaction.atomic():
        report, created = MonitoringReport.objects.get_or_create(plan=plan, period=period)
        if created:
            log_action(actor=actor, verb="monitoring.started", target=report)
    return report, created


def monitoring_summary_save(*, report: MonitoringReport, summary: str, actor) -> MonitoringReport:
    with transaction.atomic():
        report.summary = summary
        report.save(update_fields=["summary", "updated_at"])
        log_action(actor=actor, verb="monitoring.saved", target=report, data={"summary": True})
    return report


def progress_save(
    *,
    report: MonitoringReport,
    action: Action,
    values: dict,
    actor,
    document=None,
    document_kind: Kind | None = None,
) -> ActionProgress:
    """Record where `action` stands in the report's period (`values`: the fields of
    PROGRESS_FIELDS), and add `document` (of the checked `document_kind`) to its evidence."""
    with transaction.atomic():
        progress, _created = ActionProgress.objects.update_or_create(
            report=report,
            action=action,
            defaults={field: values[field] for field in PROGRESS_FIELDS if field in values},
        )
        log_action(
            actor=actor,
            verb="monitoring.saved",
            target=report,
            data={"action": action.pk, "status": progress.status},
        )
        if document is not None and document_kind is not None:
            evidence_add(progress=progress, upload=document, kind=document_kind, actor=actor)
    return progress


def evidence_add(*, progress: ActionProgress, upload, kind: Kind, actor) -> EvidenceFile:
    """Keep `upload` (its type checked by `plans.evidence.check`) in private storage under a
    generated name; the uploader's name is kept, cleaned, to be shown and offered on download."""
    with transaction.atomic():
        evidence = EvidenceFile(
            progress=progress,
            name=clean_name(upload.name or "", kind),
            content_type=kind.content_type,
            size=upload.size,
            uploaded_by=actor,
        )
        upload.seek(0)
        evidence.file.save(f"{uuid.uuid4().hex}{kind.extension}", upload, save=False)
        evidence.save()
        log_action(
            actor=actor,
            verb="monitoring.evidence_added",
            target=progress.report,
            data={"action": progress.action_id, "file": evidence.name},
        )
    return evidence


def evidence_remove(*, evidence: EvidenceFile, actor) -> None:
    """Forget the file; its content is deleted from storage once the removal is committed."""
    progress = evidence.progress
    storage, stored_name = evidence.file.storage, str(evidence.file.name)
    with transaction.atomic():
        log_action(
            actor=actor,
            verb="monitoring.evidence_removed",
            target=progress.report,
            data={"action": progress.action_id, "file": evidence.name},
        )
        evidence.delete()
        transaction.on_commit(lambda: storage.delete(stored_name))


def monitoring_transition(
    *, report: MonitoringReport, actor, action: str, reason: str = ""
) -> MonitoringReport:
    """Take a step of the monitoring report's review workflow (plans/workflow.py)."""
    return transition(
        workflow=MONITORING_WORKFLOW, obj=report, action=action, actor=actor, reason=reason
    )


def period_save(*, period: MonitoringPeriod, actor) -> MonitoringPeriod:
    """Save a new or changed period (its dates checked by `PeriodForm`); the reports of a
    changed period stay with it."""
    with transaction.atomic():
        period.full_clean()
        period.save()
        log_action(
            actor=actor,
            verb="period.saved",
            target=period,
            data={"starts_on": period.starts_on.isoformat(), "ends_on": period.ends_on.isoformat()},
        )
    return period
