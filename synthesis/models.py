"""The coordinators' Interregional synthesis: the regions' analyses read together, in sections
that cite the regional reports' sections they draw on."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from interventures.comments.models import ThreadComment
from interventures.richtext import SanitizedHTMLField
from reports.models import MAX_SECTION_CHARS, ReportSection

from .outline import SPECS, SynthesisSectionKey


class SynthesisStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")


EDITABLE_STATUSES = frozenset({SynthesisStatus.DRAFT, SynthesisStatus.CHANGES_REQUESTED})


class Synthesis(models.Model):
    """The partnership's joint document; its text lives in sections that follow the outline."""

    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SynthesisStatus, default=SynthesisStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # The comment threads name a target's region; the synthesis belongs to every region.
    region_id = None

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Interregional synthesis")
        verbose_name_plural = _("Interregional syntheses")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("synthesis:synthesis_detail", kwargs={"pk": self.pk})

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class SynthesisSection(models.Model):
    """One chapter of the synthesis. `version` grows with every save, so stale saves are
    detected."""

    synthesis = models.ForeignKey(
        Synthesis, on_delete=models.CASCADE, related_name="sections", verbose_name=_("synthesis")
    )
    key = models.CharField(_("section"), max_length=30, choices=SynthesisSectionKey)
    position = models.PositiveSmallIntegerField(_("position"))
    body = SanitizedHTMLField(_("text"), blank=True, max_length=MAX_SECTION_CHARS)
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
        ordering = ["synthesis", "position"]
        verbose_name = _("synthesis section")
        verbose_name_plural = _("synthesis sections")
        constraints = [
            models.UniqueConstraint(
                fields=["synthesis", "key"], name="one_synthesis_section_per_key"
            )
        ]

    def __str__(self):
        return f"{self.synthesis} · {self.title}"

    @property
    def spec(self):
        return SPECS[self.key]

    @property
    def title(self):
        return self.spec.title

    def get_edit_url(self):
        return reverse("synthesis:section_edit", kwargs={"pk": self.synthesis_id, "key": self.key})


class Citation(models.Model):
    """A paragraph of a synthesis section citing a regional report's section, with the cited
    text as it was when cited (or last confirmed): when the source's version moves on, the
    synthesis says "source changed since cited" until a coordinator confirms the citation."""

    section = models.ForeignKey(
        SynthesisSection,
        on_delete=models.CASCADE,
        related_name="citations",
        verbose_name=_("synthesis section"),
    )
    paragraph = models.PositiveSmallIntegerField(
        _("paragraph"), help_text=_("The paragraph of the section that cites, from 1.")
    )
    source = models.ForeignKey(
        ReportSection,
        # A report section cited by the partnership's synthesis is not deleted silently.
        on_delete=models.PROTECT,
        related_name="synthesis_citations",
        verbose_name=_("cited report section"),
    )
    cited_version = models.PositiveIntegerField(_("cited version"))
    cited_text = SanitizedHTMLField(_("cited text"), blank=True, max_length=MAX_SECTION_CHARS)
    cited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("cited by"),
    )
    cited_at = models.DateTimeField(_("cited"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        ordering = ["section__position", "paragraph", "pk"]
        verbose_name = _("citation")
        verbose_name_plural = _("citations")

    def __str__(self):
        return f"{self.section} ¶{self.paragraph} → {self.source}"

    @property
    def source_changed(self) -> bool:
        return self.source.version != self.cited_version


class SynthesisComment(ThreadComment):
    """A comment on the synthesis or one of its sections; it can be resolved."""

    synthesis = models.ForeignKey(
        Synthesis, on_delete=models.CASCADE, related_name="comments", verbose_name=_("synthesis")
    )
    section = models.ForeignKey(
        SynthesisSection,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("section"),
    )

    class Meta(ThreadComment.Meta):
        verbose_name = _("synthesis comment")
        verbose_name_plural = _("synthesis comments")
