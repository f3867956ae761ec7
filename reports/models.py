"""Situation Analysis Reports: each region's picture of SME internationalisation, reviewed."""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from interventures.comments.models import ThreadComment
from interventures.dates import portal_today
from interventures.richtext import SanitizedHTMLField, WordCountField, WordCountQuerySet
from partners.models import Region

from .outline import SPECS, SectionKey

MAX_SECTION_CHARS = 200_000
MAX_INDICATORS = 30
# How long a writer counts as "editing now" after their last sign of life.
PRESENCE_WINDOW = timedelta(minutes=5)


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")


EDITABLE_STATUSES = frozenset({ReportStatus.DRAFT, ReportStatus.CHANGES_REQUESTED})


class SituationAnalysisReport(models.Model):
    """A region's report; its text lives in sections that follow the fixed outline."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="reports", verbose_name=_("region")
    )
    title = models.CharField(_("title"), max_length=200)
    reference_period = models.CharField(
        _("reference period"), max_length=40, help_text=_("For example 2014-2019.")
    )
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus, default=ReportStatus.DRAFT
    )
    due_date = models.DateField(
        _("due date"),
        null=True,
        blank=True,
        help_text=_("Set by the coordinators; the region's editors are reminded before it."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["region__name", "-created_at"]
        verbose_name = _("Situation Analysis Report")
        verbose_name_plural = _("Situation Analysis Reports")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("reports:report_detail", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def days_left(self) -> int | None:
        """Days from today (the portal's) to the due date: 0 on the day, negative when overdue;
        None without a due date or once approved (nothing is due any more)."""
        if self.due_date is None or self.status == ReportStatus.APPROVED:
            return None
        return (self.due_date - portal_today()).days

    @property
    def days_overdue(self) -> int:
        return -self.days_left if self.days_left is not None and self.days_left < 0 else 0

    @property
    def is_overdue(self) -> bool:
        return self.days_overdue > 0


class ReminderStep(models.TextChoices):
    BEFORE = "before", _("Days before the due date")
    ON_THE_DAY = "on_the_day", _("On the due date")


class DeadlineReminder(models.Model):
    """A reminder of a report's due date that was sent: one per report, step and due date, so
    running `send_deadline_reminders` again sends nothing twice (a new due date, new reminders)."""

    report = models.ForeignKey(
        SituationAnalysisReport,
        on_delete=models.CASCADE,
        related_name="deadline_reminders",
        verbose_name=_("report"),
    )
    step = models.CharField(_("step"), max_length=12, choices=ReminderStep)
    due_date = models.DateField(_("due date"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("deadline reminder")
        verbose_name_plural = _("deadline reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "step", "due_date"], name="one_reminder_per_step"
            )
        ]

    def __str__(self):
        return f"{self.report} · {self.get_step_display()} · {self.due_date}"


class ReportSection(models.Model):
    """One chapter of a report. `version` grows with every save, so stale saves are detected."""

    report = models.ForeignKey(
        SituationAnalysisReport,
        on_delete=models.CASCADE,
        related_name="sections",
        verbose_name=_("report"),
    )
    key = models.CharField(_("section"), max_length=30, choices=SectionKey)
    position = models.PositiveSmallIntegerField(_("position"))
    body = SanitizedHTMLField(_("text"), blank=True, max_length=MAX_SECTION_CHARS)
    word_count = WordCountField(_("words"))
    version = models.PositiveIntegerField(_("version"), default=0)
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last edited by"),
    )
    last_edited_at = models.DateTimeField(_("last edited"), null=True, blank=True)

    history = HistoricalRecords(
        excluded_fields=["position", "last_edited_at"], user_related_name="+"
    )

    objects = WordCountQuerySet.as_manager()

    class Meta:
        ordering = ["report", "position"]
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="one_section_per_key")
        ]

    def __str__(self):
        return f"{self.report} · {self.title}"

    @property
    def spec(self):
        return SPECS[self.key]

    @property
    def title(self):
        return self.spec.title

    def get_edit_url(self):
        return reverse("reports:section_edit", kwargs={"pk": self.report_id, "key": self.key})


class SectionDraft(models.Model):
    """A writer's private autosaved text of a section; never shown to anyone else."""

    section = models.ForeignKey(
        ReportSection, on_delete=models.CASCADE, related_name="drafts", verbose_name=_("section")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="section_drafts",
        verbose_name=_("author"),
    )
    body = SanitizedHTMLField(_("text"), blank=True, max_length=MAX_SECTION_CHARS)
    base_version = models.PositiveIntegerField(_("based on version"))
    saved_at = models.DateTimeField(_("saved"), auto_now=True)

    class Meta:
        ordering = ["-saved_at"]
        verbose_name = _("section draft")
        verbose_name_plural = _("section drafts")
        constraints = [
            models.UniqueConstraint(fields=["section", "author"], name="one_draft_per_writer")
        ]

    def __str__(self):
        return f"{self.section} · {self.author}"


class SectionPresence(models.Model):
    """Who had a section's editor open, and when last: shown to the others at work."""

    section = models.ForeignKey(
        ReportSection, on_delete=models.CASCADE, related_name="presences", verbose_name=_("section")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    seen_at = models.DateTimeField(_("last seen"))

    class Meta:
        ordering = ["-seen_at"]
        verbose_name = _("section presence")
        verbose_name_plural = _("section presences")
        constraints = [
            models.UniqueConstraint(fields=["section", "user"], name="one_presence_per_user")
        ]

    def __str__(self):
        return f"{self.user} in {self.section}"


class IndicatorCode(models.Model):
    """A shared indicator kept by coordinators, so each region's figure can be compared."""

    code = models.SlugField(
        _("code"),
        max_length=30,
        unique=True,
        help_text=_("A short identifier such as SME-EXPORT (letters, digits, hyphens)."),
    )
    name = models.CharField(
        _("name"), max_length=150, help_text=_('For example "SMEs exporting, %".')
    )
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    definition = models.TextField(_("definition"), max_length=2000, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("indicator code")
        verbose_name_plural = _("indicator codes")

    def __str__(self):
        return f"{self.code} – {self.name}"


class Indicator(models.Model):
    """A figure that backs the report, shown as a table and a bar chart."""

    report = models.ForeignKey(
        SituationAnalysisReport,
        on_delete=models.CASCADE,
        related_name="indicators",
        verbose_name=_("report"),
    )
    name = models.CharField(_("indicator"), max_length=150)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.CharField(_("source"), max_length=250)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    code = models.ForeignKey(
        IndicatorCode,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("shared code"),
    )

    class Meta:
        ordering = ["report", "position", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class ReviewComment(ThreadComment):
    """A comment on a report or one of its sections; it can be resolved."""

    report = models.ForeignKey(
        SituationAnalysisReport,
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("report"),
    )
    section = models.ForeignKey(
        ReportSection,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("section"),
    )

    class Meta(ThreadComment.Meta):
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")


def private_storage():
    """Files only the portal hands out, after its access checks: never served as media."""
    return storages["private"]


class CompendiumStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Compendium(models.Model):
    """Several reports in one PDF, made by a background task (`reports/tasks.py`), and
    documents of the kinds other apps register (`reports/compendium_parts.py`) after them.

    The row is the task's progress as the user sees it: the worker writes `done`/`total` while
    it lays out the reports, then the PDF, or the reason it failed.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="compendiums",
        verbose_name=_("requested by"),
    )
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    report_ids = models.JSONField(
        _("reports"), default=list, help_text=_("The reports' ids, in the compendium's order.")
    )
    document_ids = models.JSONField(
        _("other documents"),
        default=dict,
        blank=True,
        help_text=_(
            "The ids of the other documents (action plans…) per kind, in the compendium's order."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=CompendiumStatus, default=CompendiumStatus.QUEUED
    )
    done = models.PositiveIntegerField(_("reports laid out"), default=0)
    total = models.PositiveIntegerField(_("reports in all"), default=0)
    error = models.TextField(_("reason of the failure"), blank=True)
    pdf = models.FileField(_("PDF"), upload_to="compendiums/", blank=True, storage=private_storage)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("compendium")
        verbose_name_plural = _("compendiums")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"

    def get_absolute_url(self):
        return reverse("reports:compendium_detail", kwargs={"pk": self.pk})

    @property
    def is_finished(self) -> bool:
        return self.status in (CompendiumStatus.DONE, CompendiumStatus.FAILED)

    @property
    def part_count(self) -> int:
        """How many documents it holds: the reports and the others (`document_ids`)."""
        return len(self.report_ids) + sum(len(ids) for ids in self.document_ids.values())


class PDFJobStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Running")
    FAILED = "failed", _("Failed")
    # What the progress page says once the PDF is in the cache: its job is deleted then.
    DONE = "done", _("Done")


class PDFFailure(models.TextChoices):
    TIMEOUT = "timeout", _("Took longer than the time limit")
    MEMORY = "memory", _("Needed more memory than the limit")
    ERROR = "error", _("The layout failed")


class PDFJob(models.Model):
    """A PDF being laid out by the background worker (`tasks.render_pdf`), shared by everyone who
    asks for the same document meanwhile.

    The job holds the document's HTML and the PDF cache key of that HTML (`pdf.cache_key`), so
    it serves any kind of document: the worker lays the HTML out, stores the PDF under the key
    and deletes the job. A failed job stays, with its reason, for
    `settings.PDF_FAILURE_CACHE_SECONDS`; a request after that lays the document out again.
    """

    key = models.CharField(_("PDF cache key"), max_length=200, unique=True)
    html = models.TextField(_("HTML to lay out"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=PDFJobStatus, default=PDFJobStatus.QUEUED
    )
    failure = models.CharField(
        _("reason of the failure"), max_length=10, choices=PDFFailure, blank=True
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    failed_at = models.DateTimeField(_("failed"), null=True, blank=True)

    class Meta:
        verbose_name = _("PDF job")
        verbose_name_plural = _("PDF jobs")

    def __str__(self):
        return f"{self._meta.verbose_name} {self.pk}"
