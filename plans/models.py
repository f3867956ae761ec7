"""Action plans (phase 1's output: how a region will improve its policy instrument) and their
monitoring in phase 2: per period, each action's status, evidence and the funds it mobilised."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from interventures.comments.models import ThreadComment
from interventures.dates import portal_today
from interventures.richtext import SanitizedHTMLField
from partners.models import PartnerOrganisation, PolicyInstrument, Region
from practices.models import GoodPractice, Transfer
from reports.models import ReportSection, private_storage

MAX_ACTIONS = 12
LARGEST_AMOUNT = Decimal("999999999999.99")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")


EDITABLE_STATUSES = frozenset({PlanStatus.DRAFT, PlanStatus.CHANGES_REQUESTED})


class ImprovementType(models.TextChoices):
    """Interreg Europe's three ways a policy instrument is improved."""

    NEW_PROJECT = "new_project", _("A new project")
    MANAGEMENT = "management", _("A change in the management of the instrument")
    STRUCTURAL = "structural", _("A structural change to the instrument")


def _amount_field(verbose_name, **kwargs):
    return models.DecimalField(
        verbose_name,
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(LARGEST_AMOUNT)],
        **kwargs,
    )


class ActionPlan(models.Model):
    """A region's action plan for one policy instrument, in Interreg Europe's structure."""

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="action_plans", verbose_name=_("region")
    )
    instrument = models.ForeignKey(
        PolicyInstrument,
        on_delete=models.PROTECT,
        related_name="action_plans",
        verbose_name=_("policy instrument addressed"),
    )
    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        related_name="action_plans",
        verbose_name=_("partner organisation"),
    )
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("A plan written in another language than English needs an English summary."),
    )
    nuts2_region = models.CharField(
        _("NUTS2 region"), max_length=120, help_text=_("For example HU23 Dél-Dunántúl.")
    )
    contact_name = models.CharField(_("contact person"), max_length=120)
    structural_funds = models.BooleanField(
        _("the instrument is a Structural Funds programme"), default=False
    )
    policy_context = SanitizedHTMLField(_("policy context"), blank=True)
    english_summary = SanitizedHTMLField(_("summary in English"), blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Marks a plan whose content is an illustration, not the published plan."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus, default=PlanStatus.DRAFT
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
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
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["status", "due_date", "last_edited_at", "created_at", "updated_at"],
        user_related_name="+",
    )

    class Meta:
        ordering = ["region__name", "title"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        constraints = [
            models.UniqueConstraint(
                fields=["region", "instrument"], name="one_plan_per_region_and_instrument"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("plans:plan_detail", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES

    @property
    def needs_english_summary(self) -> bool:
        return self.language != "en"

    @property
    def days_left(self) -> int | None:
        """Days to the due date (negative when overdue); None without one or once approved."""
        if self.due_date is None or self.status == PlanStatus.APPROVED:
            return None
        return (self.due_date - portal_today()).days


class Action(models.Model):
    """One action of a plan: what inspired it (links to the portal's own records), what it is,
    who takes part, when, what it costs and who pays."""

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="actions", verbose_name=_("action plan")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    background = SanitizedHTMLField(
        _("background"),
        blank=True,
        help_text=_("The lessons learnt in the project that inspired this action."),
    )
    report_sections = models.ManyToManyField(
        ReportSection,
        blank=True,
        related_name="inspired_actions",
        verbose_name=_("Situation Analysis Report sections it draws on"),
    )
    practices = models.ManyToManyField(
        GoodPractice,
        blank=True,
        related_name="inspired_actions",
        verbose_name=_("good practices it draws on"),
    )
    transfers = models.ManyToManyField(
        Transfer,
        blank=True,
        related_name="inspired_actions",
        verbose_name=_("transfers it draws on"),
    )
    description = SanitizedHTMLField(_("the action"), blank=True)
    improvement_type = models.CharField(
        _("nature of the improvement"), max_length=12, choices=ImprovementType
    )
    players = models.TextField(
        _("players involved"),
        max_length=2000,
        blank=True,
        help_text=_("The stakeholder organisations that take part, and their role."),
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    cost = _amount_field(_("costs"))
    currency = models.CharField(_("currency"), max_length=3, default="EUR")
    funding_sources = models.CharField(_("funding sources"), max_length=250, blank=True)
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

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return f"{self.plan.get_absolute_url()}#action-{self.pk}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end cannot be before the start.")})


class PlanDraft(models.Model):
    """A writer's private autosave of the plan's form (`action` NULL) or of one action's form:
    the fields as posted, however incomplete; never shown to anyone else, deleted when the
    writer saves the form."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="plan_drafts",
        verbose_name=_("author"),
    )
    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="drafts", verbose_name=_("action plan")
    )
    action = models.ForeignKey(
        Action,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="drafts",
        verbose_name=_("action"),
    )
    data = models.JSONField(_("fields"), default=dict)
    base_version = models.PositiveIntegerField(_("based on version"))
    saved_at = models.DateTimeField(_("saved"), auto_now=True)

    class Meta:
        ordering = ["-saved_at"]
        verbose_name = _("action plan draft")
        verbose_name_plural = _("action plan drafts")
        # Two conditional constraints: NULL is distinct from NULL in a unique index, and
        # SQLite has no NULLS NOT DISTINCT.
        constraints = [
            models.UniqueConstraint(
                fields=["author", "plan"],
                condition=models.Q(action__isnull=True),
                name="one_plan_draft_per_writer",
            ),
            models.UniqueConstraint(
                fields=["author", "plan", "action"],
                condition=models.Q(action__isnull=False),
                name="one_action_draft_per_writer",
            ),
        ]

    def __str__(self):
        return f"{self.action or self.plan} · {self.author}"


class MonitoringPeriod(models.Model):
    """A period of phase 2 (a semester) for which each plan's progress is reported; the same
    for every region, set from the project's dates and editable by coordinators."""

    starts_on = models.DateField(_("start"))
    ends_on = models.DateField(_("end"))

    class Meta:
        ordering = ["starts_on"]
        verbose_name = _("monitoring period")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="period_ends_after_start",
            )
        ]
        verbose_name_plural = _("monitoring periods")

    def __str__(self):
        """ "February 2022 – July 2022", in the reader's language."""
        return f"{date_format(self.starts_on, 'F Y')} – {date_format(self.ends_on, 'F Y')}"

    def clean(self):
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end cannot be before the start.")})


class MonitoringReport(models.Model):
    """A plan's progress in one period: reviewed by the coordinators like a report."""

    plan = models.ForeignKey(
        ActionPlan,
        on_delete=models.CASCADE,
        related_name="monitoring_reports",
        verbose_name=_("action plan"),
    )
    period = models.ForeignKey(
        MonitoringPeriod,
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("period"),
    )
    summary = SanitizedHTMLField(_("summary of the period"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus, default=PlanStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["plan", "period__starts_on"]
        verbose_name = _("monitoring report")
        verbose_name_plural = _("monitoring reports")
        constraints = [
            models.UniqueConstraint(fields=["plan", "period"], name="one_monitoring_per_period")
        ]

    def __str__(self):
        return f"{self.plan} · {self.period}"

    def get_absolute_url(self):
        return reverse(
            "plans:monitoring_report", kwargs={"pk": self.plan_id, "period": self.period_id}
        )

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class ActionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    PARTLY = "partly", _("Partly implemented")
    NOT_IMPLEMENTED = "not_implemented", _("Not implemented")


STATUSES_NEEDING_A_REASON = frozenset({ActionStatus.PARTLY, ActionStatus.NOT_IMPLEMENTED})


class ActionProgress(models.Model):
    """Where one action stands at the end of a monitoring period, and what shows it."""

    report = models.ForeignKey(
        MonitoringReport,
        on_delete=models.CASCADE,
        related_name="progress",
        verbose_name=_("monitoring report"),
    )
    action = models.ForeignKey(
        Action, on_delete=models.CASCADE, related_name="progress", verbose_name=_("action")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ActionStatus, default=ActionStatus.NOT_STARTED
    )
    reason = models.TextField(
        _("reason"),
        max_length=2000,
        blank=True,
        help_text=_("Why the action was implemented only in part, or not at all."),
    )
    reached_on = models.DateField(
        _("status reached on"),
        null=True,
        blank=True,
        help_text=_("A date inside the period."),
    )
    evidence = SanitizedHTMLField(_("evidence"), blank=True)
    links = models.TextField(
        _("links to evidence"), max_length=2000, blank=True, help_text=_("One address per line.")
    )
    funds_mobilised = _amount_field(_("funds mobilised so far"))
    improvement_reached = models.CharField(
        _("improvement reached"), max_length=12, choices=ImprovementType, blank=True
    )

    class Meta:
        ordering = ["report", "action__position", "action__pk"]
        verbose_name = _("progress of an action")
        verbose_name_plural = _("progress of actions")
        constraints = [
            models.UniqueConstraint(fields=["report", "action"], name="one_progress_per_action")
        ]

    def __str__(self):
        return f"{self.action} · {self.get_status_display()}"

    def clean(self):
        if self.status in STATUSES_NEEDING_A_REASON and not self.reason.strip():
            raise ValidationError(
                {"reason": _("Say why the action was implemented only in part, or not at all.")}
            )


MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
MAX_EVIDENCE_FILES = 10  # per action and period


class EvidenceFile(models.Model):
    """A document that proves an action's progress; kept in private storage and handed out
    only after the access check of its monitoring report."""

    progress = models.ForeignKey(
        ActionProgress, on_delete=models.CASCADE, related_name="files", verbose_name=_("progress")
    )
    file = models.FileField(_("file"), upload_to="evidence/%Y/", storage=private_storage)
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")

    def __str__(self):
        return self.name


class PlanComment(ThreadComment):
    """A comment on an action plan or one of its actions; it can be resolved."""

    plan = models.ForeignKey(
        ActionPlan, on_delete=models.CASCADE, related_name="comments", verbose_name=_("action plan")
    )
    # A removed action's threads stay, as threads about the whole plan.
    action = models.ForeignKey(
        Action,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("action"),
    )

    class Meta(ThreadComment.Meta):
        verbose_name = _("comment on an action plan")
        verbose_name_plural = _("comments on action plans")
