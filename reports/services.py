"""Writes of the reports app: sections, drafts, the review workflow and comments."""

from datetime import date, timedelta
from typing import cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from interventures.activity.services import log_action
from interventures.comments import services as comments
from interventures.dates import portal_today
from interventures.notifications.services import notify
from interventures.richtext import sanitize
from interventures.workflow.services import transition

from .comments import REPORT_COMMENTS
from .forms import BaseIndicatorFormSet
from .models import (
    EDITABLE_STATUSES,
    MAX_INDICATORS,
    MAX_SECTION_CHARS,
    Compendium,
    CompendiumStatus,
    DeadlineReminder,
    Indicator,
    IndicatorCode,
    PDFJob,
    PDFJobStatus,
    ReminderStep,
    ReportSection,
    ReviewComment,
    SectionDraft,
    SectionPresence,
    SituationAnalysisReport,
)
from .outline import OUTLINE
from .selectors import region_editors
from .tasks import CompendiumFailed, build_compendium, render_pdf
from .workflow import REPORT_WORKFLOW


class SectionConflict(Exception):
    """The section changed since the writer opened it; `current` is what is saved now."""

    def __init__(self, current: ReportSection):
        super().__init__(f"section {current.pk} is at version {current.version}")
        self.current = current


def _clean_body(body: str) -> str:
    if len(body) > MAX_SECTION_CHARS:
        raise ValidationError(
            _(
                "The text is too long: %(length)s characters, at most %(limit)s are allowed. "
                "Shorten it or split it across sections."
            )
            % {
                "length": number_format(len(body), force_grouping=True),
                "limit": number_format(MAX_SECTION_CHARS, force_grouping=True),
            },
            code="too_long",
        )
    return sanitize(body)


def report_create(
    *, region, title: str, reference_period: str, language: str, actor=None
) -> SituationAnalysisReport:
    """A new draft report with one empty section per outline entry."""
    with transaction.atomic():
        report = SituationAnalysisReport.objects.create(
            region=region, title=title, reference_period=reference_period, language=language
        )
        ReportSection.objects.bulk_create(
            ReportSection(report=report, key=spec.key, position=position)
            for position, spec in enumerate(OUTLINE, start=1)
        )
        log_action(actor=actor, verb="report.created", target=report)
    return report


def section_save(
    *,
    section: ReportSection,
    author,
    body: str,
    base_version: int,
    verb: str = "section.saved",
) -> ReportSection:
    """Save a section's text on top of `base_version`, as a new version with history.

    Raises SectionConflict when someone saved since `base_version`: the caller shows both
    texts and nothing is overwritten. The row lock (PostgreSQL) or the immediate write lock
    (SQLite) makes concurrent saves of one version give exactly one save and one conflict.
    """
    body = _clean_body(body)
    with transaction.atomic():
        current = (
            ReportSection.objects.select_for_update().select_related("report").get(pk=section.pk)
        )
        if current.report.status not in EDITABLE_STATUSES:
            raise ValidationError(
                _("The report is %(status)s: its text cannot be changed now.")
                % {"status": current.report.get_status_display().lower()}
            )
        if current.version != base_version:
            raise SectionConflict(current)
        if current.body != body:
            current.body = body
            current.version += 1
            current.last_edited_by = author
            current.last_edited_at = timezone.now()
            current._history_user = author  # type: ignore[attr-defined]  # simple-history's way
            current.save()
            log_action(
                actor=author,
                verb=verb,
                target=current.report,
                data={"detail": f"{current.title} (v{current.version})"},
            )
        SectionDraft.objects.filter(section=current, author=author).delete()
    return current


def section_restore(*, section: ReportSection, author, history_id: int) -> ReportSection:
    """Bring back an old version's text as a new version; history is never rewritten."""
    old = section.history.get(history_id=history_id)
    return section_save(
        section=section,
        author=author,
        body=old.body,
        base_version=section.version,
        verb="section.restored",
    )


def draft_autosave(*, section: ReportSection, author, body: str, base_version: int) -> SectionDraft:
    """Keep the writer's unsaved text privately; the shared text is not touched."""
    body = _clean_body(body)
    draft, _created = SectionDraft.objects.update_or_create(
        section=section, author=author, defaults={"body": body, "base_version": base_version}
    )
    presence_touch(section=section, user=author)
    return draft


def draft_discard(*, section: ReportSection, author) -> None:
    SectionDraft.objects.filter(section=section, author=author).delete()


def personal_data_erase(*, user) -> None:
    """Erase the reports app's personal data of `user` (portal.services.account_delete): their
    private drafts and where they were at work. Saved versions and comments stay, attributed to
    their organisation through the erased account (partners/people.py)."""
    SectionDraft.objects.filter(author=user).delete()
    SectionPresence.objects.filter(user=user).delete()


def presence_touch(*, section: ReportSection, user) -> None:
    SectionPresence.objects.update_or_create(
        section=section, user=user, defaults={"seen_at": timezone.now()}
    )


def report_transition(
    *, report: SituationAnalysisReport, actor, action: str, reason: str = ""
) -> SituationAnalysisReport:
    """Take a step of the report's review workflow (reports/workflow.py)."""
    return transition(
        workflow=REPORT_WORKFLOW, obj=report, action=action, actor=actor, reason=reason
    )


def comment_add(
    *,
    report: SituationAnalysisReport,
    author,
    body: str,
    section: ReportSection | None = None,
    quote: str = "",
    parent: ReviewComment | None = None,
) -> ReviewComment:
    """Start a thread about `section` (None: the whole report), or answer `parent`'s thread
    (`interventures.comments.services.comment_add`: mentions and participants are told)."""
    comment = comments.comment_add(
        commentable=REPORT_COMMENTS,
        target=report,
        author=author,
        body=body,
        part=section,
        quote=quote,
        parent=parent,
    )
    return cast(ReviewComment, comment)


def comment_resolve(*, comment: ReviewComment, user) -> ReviewComment:
    first = comments.comment_resolve(commentable=REPORT_COMMENTS, comment=comment, user=user)
    return cast(ReviewComment, first)


def comment_reopen(*, comment: ReviewComment, user) -> ReviewComment:
    first = comments.comment_reopen(commentable=REPORT_COMMENTS, comment=comment, user=user)
    return cast(ReviewComment, first)


# --- due dates -------------------------------------------------------------------------------


def report_due_date_set(
    *, report: SituationAnalysisReport, due_date: date | None, actor
) -> SituationAnalysisReport:
    """Set (or, with None, remove) the report's due date; reminders follow the new date."""
    with transaction.atomic():
        locked = SituationAnalysisReport.objects.select_for_update().get(pk=report.pk)
        if locked.due_date != due_date:
            locked.due_date = due_date
            locked.save(update_fields=["due_date", "updated_at"])
            log_action(
                actor=actor,
                verb="report.due_date_set",
                target=locked,
                data={"detail": due_date.isoformat() if due_date else ""},
            )
    report.due_date = locked.due_date
    return report


def deadline_reminders_send(*, today: date | None = None) -> int:
    """Remind the region's editors of each report still to be written or changed whose due date
    is at most `DEADLINE_REMINDER_DAYS` days away ("before") or today ("on the day"), once per
    report, step and due date (`DeadlineReminder`): a second run sends nothing again, a run
    missed the day before still sends. Returns how many reminders were sent."""
    today = today or portal_today()
    ahead = today + timedelta(days=settings.DEADLINE_REMINDER_DAYS)
    steps = {
        ReminderStep.BEFORE: Q(due_date__gt=today, due_date__lte=ahead),
        ReminderStep.ON_THE_DAY: Q(due_date=today),
    }
    sent = 0
    for step, when in steps.items():
        reminded = DeadlineReminder.objects.filter(
            report=OuterRef("pk"), step=step, due_date=OuterRef("due_date")
        )
        due = (
            SituationAnalysisReport.objects.filter(when, status__in=EDITABLE_STATUSES)
            .exclude(Exists(reminded))
            .select_related("region")
        )
        for report in due:
            due_date = cast(date, report.due_date)  # the query kept reports with one
            with transaction.atomic():
                _reminder, created = DeadlineReminder.objects.get_or_create(
                    report=report, step=step, due_date=due_date
                )
                if created:
                    _remind(report, due_date=due_date, days=(due_date - today).days)
                    sent += 1
    return sent


def _remind(report: SituationAnalysisReport, *, due_date: date, days: int) -> None:
    notify(
        recipients=region_editors(report.region_id),
        kind="report.due_soon",
        target=report,
        url=report.get_absolute_url(),
        data={"due_date": due_date.isoformat(), "days": days},
        email_templates="reports/email/due_soon",
        email_context={"report": report, "days": days},
    )


# --- compendiums -----------------------------------------------------------------------------


def compendium_request(*, user, reports, language: str, documents=None) -> Compendium:
    """Store the request and enqueue the task; the worker only sees both once committed.

    `documents` are the chosen documents of other kinds: `{kind key: [Choice, ...]}`
    (`reports.compendium_parts`), printed after the reports."""
    ordered = list(reports)
    documents = {key: list(chosen) for key, chosen in (documents or {}).items() if chosen}
    with transaction.atomic():
        compendium = Compendium.objects.create(
            requested_by=user,
            language=language,
            report_ids=[report.pk for report in ordered],
            document_ids={
                key: [choice.pk for choice in chosen] for key, chosen in documents.items()
            },
            total=len(ordered) + sum(len(chosen) for chosen in documents.values()),
        )
        _enqueue(build_compendium, compendium)
        labels = [report.title for report in ordered]
        labels += [choice.label for chosen in documents.values() for choice in chosen]
        log_action(
            actor=user,
            verb="compendium.requested",
            target=compendium,
            data={"detail": ", ".join(labels)},
        )
    return compendium


def compendium_retry(*, compendium: Compendium) -> Compendium:
    """Start a failed compendium again, from scratch."""
    with transaction.atomic():
        compendium = Compendium.objects.select_for_update().get(pk=compendium.pk)
        if compendium.status != CompendiumStatus.FAILED:
            raise CompendiumFailed(_("Only a compendium that failed can be started again."))
        if compendium.pdf:
            compendium.pdf.delete(save=False)
        compendium.status = CompendiumStatus.QUEUED
        compendium.done = 0
        compendium.total = compendium.part_count
        compendium.error = ""
        compendium.started_at = compendium.finished_at = None
        compendium.save()
        _enqueue(build_compendium, compendium)
    return compendium


def _enqueue(task, job: Compendium | PDFJob) -> None:
    result = task.enqueue(str(job.pk))
    job.task_id = str(result.id)
    job.save(update_fields=["task_id"])


# --- PDFs ------------------------------------------------------------------------------------

# A job still "running" this long after its time limit lost its worker (killed, restarted).
LOST_AFTER_LIMIT = timedelta(minutes=1)


class PDFRenderLimit(Exception):
    """Too many PDFs are waiting or being laid out: the person's own (`per_user`), or everyone's."""

    def __init__(self, *, per_user: bool):
        super().__init__("per person" if per_user else "in all")
        self.per_user = per_user


def _finished_with(now) -> Q:
    """Jobs that no longer hold a key: failures shown long enough, and lost jobs."""
    done = Q(
        status=PDFJobStatus.FAILED,
        failed_at__lte=now - timedelta(seconds=settings.PDF_FAILURE_CACHE_SECONDS),
    )
    if settings.PDF_RENDER_TIMEOUT_SECONDS:
        limit = timedelta(seconds=settings.PDF_RENDER_TIMEOUT_SECONDS) + LOST_AFTER_LIMIT
        done |= Q(status=PDFJobStatus.RUNNING, started_at__lte=now - limit)
    return done


def pdf_job_request(*, user, key: str, html: str) -> PDFJob:
    """The background job that lays out `html`, whose PDF cache key is `key`: the one already
    waiting, running or recently failed for the same key, else a new one for the worker.

    A new job is refused with `PDFRenderLimit` when the person (visitors count as one) or
    everyone together already have `settings.PDF_RENDERS_PER_USER` or `PDF_RENDERS_TOTAL`
    jobs waiting or running. Not in the activity log: a job fills the PDF cache and changes
    no one's data.
    """
    PDFJob.objects.filter(_finished_with(timezone.now())).delete()
    requester = user if user.is_authenticated else None
    try:
        with transaction.atomic():
            job = PDFJob.objects.select_for_update().filter(key=key).first()
            if job is not None:
                return job
            pending = PDFJob.objects.filter(status__in=[PDFJobStatus.QUEUED, PDFJobStatus.RUNNING])
            if pending.filter(requested_by=requester).count() >= settings.PDF_RENDERS_PER_USER:
                raise PDFRenderLimit(per_user=True)
            if pending.count() >= settings.PDF_RENDERS_TOTAL:
                raise PDFRenderLimit(per_user=False)
            job = PDFJob.objects.create(key=key, html=html, requested_by=requester)
            _enqueue(render_pdf, job)
    except IntegrityError:  # an identical request created it meanwhile (PostgreSQL)
        return PDFJob.objects.get(key=key)
    return job


# --- indicators --------------------------------------------------------------------------


def indicators_save(
    *, report: SituationAnalysisReport, formset: BaseIndicatorFormSet, actor=None
) -> int:
    """Save a valid formset: delete the ticked rows, save the others with positions in table
    order. Returns how many indicators the report has now.

    Raises ValidationError when the report stopped being editable or other editors' rows took
    it past the limit meanwhile; nothing is saved then.
    """
    with transaction.atomic():
        locked = SituationAnalysisReport.objects.select_for_update().get(pk=report.pk)
        if locked.status not in EDITABLE_STATUSES:
            raise ValidationError(
                _("The report is %(status)s: its indicators cannot be changed now.")
                % {"status": locked.get_status_display().lower()},
                code="not_editable",
            )
        for form in formset.deleted_forms:
            if form.instance.pk is not None:
                form.instance.delete()
        for position, form in enumerate(formset.kept_forms()):
            indicator = form.save(commit=False)
            if indicator.pk is None or form.has_changed() or indicator.position != position:
                indicator.report = locked
                indicator.position = position
                indicator.save()
        count = Indicator.objects.filter(report=locked).count()
        if count > MAX_INDICATORS:
            raise ValidationError(
                _(
                    "Someone else added indicators meanwhile: the report would have %(count)s, "
                    "at most %(max)s are allowed. Reload the page and try again."
                )
                % {"count": count, "max": MAX_INDICATORS},
                code="too_many_indicators",
            )
        locked.save(update_fields=["updated_at"])
        log_action(actor=actor, verb="report.indicators_changed", target=locked)
    return count


# --- shared indicator codes ----------------------------------------------------------------


def _code_taken() -> ValidationError:
    return ValidationError(
        {"code": _("Another shared indicator has this code: choose a different one.")},
        code="unique",
    )


def indicator_code_create(*, data: dict, actor) -> IndicatorCode:
    """Add a shared code; ValidationError (on `code`) when someone took it meanwhile."""
    try:
        with transaction.atomic():
            indicator_code = IndicatorCode.objects.create(**data)
            log_action(actor=actor, verb="indicator_code.created", target=indicator_code)
    except IntegrityError as error:
        raise _code_taken() from error
    return indicator_code


def indicator_code_update(*, indicator_code: IndicatorCode, data: dict, actor) -> IndicatorCode:
    """Change a shared code; the regions' indicators keep pointing at it."""
    try:
        with transaction.atomic():
            for field, value in data.items():
                setattr(indicator_code, field, value)
            indicator_code.save()
            log_action(actor=actor, verb="indicator_code.updated", target=indicator_code)
    except IntegrityError as error:
        raise _code_taken() from error
    return indicator_code
