"""Good practices: what a region did with concrete results, and who learns from it.

The record follows Interreg Europe's good-practice database; its publication goes through the
partnership's review (draft → submitted → published, or returned with a reason).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from interventures.richtext import SanitizedHTMLField
from partners.models import PartnerOrganisation, Region


class Theme(models.Model):
    """A theme of SME internationalisation a practice works on."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class InstrumentType(models.TextChoices):
    GRANT = "grant", _("Grant")
    FINANCIAL = "financial", _("Financial instrument")
    TRAINING = "training", _("Training")
    ADVISORY = "advisory", _("Advisory service or network")
    EVENT = "event", _("Event or fair")
    STRATEGY = "strategy", _("Strategy or regulation")


class PracticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for publication")
    RETURNED = "returned", _("Returned for changes")
    PUBLISHED = "published", _("Published")


class Progress(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    FINISHED = "finished", _("Finished")


class GoodPracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PracticeStatus.PUBLISHED)


# Interreg Europe's good-practice record, in its order: the form shows it, the services save it
# and the open-data export writes it from this one list (the database's search trigger weights
# the texts, migration 0009).
RECORD = (
    "title",
    "owner",
    "main_institution",
    "location",
    "summary",
    "description",
    "resources_needed",
    "evidence_of_success",
    "difficulties",
    "potential_for_transfer",
    "themes",
    "instrument_type",
    "progress",
    "start_year",
    "end_year",
    "website",
    "language",
)
# Related records, which the services set apart from the record's own values.
RECORD_RELATIONS = ("owner", "themes")


def rich_text_fields() -> list[str]:
    """The record's rich-text fields (sanitised HTML, edited with the rich-text editor)."""
    return [
        name
        for name in RECORD
        if isinstance(GoodPractice._meta.get_field(name), SanitizedHTMLField)
    ]


class GoodPractice(models.Model):
    """An experience, activity or policy of a public institution with concrete results."""

    # Not a column: the list page's selector sets it, the theme names in one query.
    theme_names: list[str]

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=90, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="practices", verbose_name=_("region")
    )
    owner = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.PROTECT,
        related_name="practices",
        verbose_name=_("owner organisation"),
    )
    main_institution = models.CharField(_("main institution"), max_length=200, blank=True)
    location = models.CharField(_("location"), max_length=200, blank=True)
    summary = models.TextField(_("short summary"), max_length=1500)
    description = SanitizedHTMLField(_("detailed description"), blank=True)
    resources_needed = SanitizedHTMLField(_("resources needed"), blank=True)
    evidence_of_success = SanitizedHTMLField(_("evidence of success"), blank=True)
    difficulties = SanitizedHTMLField(_("difficulties encountered / lessons learnt"), blank=True)
    potential_for_transfer = SanitizedHTMLField(_("potential for learning or transfer"), blank=True)
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="practices", verbose_name=_("themes")
    )
    instrument_type = models.CharField(_("instrument type"), max_length=12, choices=InstrumentType)
    progress = models.CharField(
        _("status of the practice"), max_length=10, choices=Progress, default=Progress.ONGOING
    )
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("end year"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_consent_at = models.DateTimeField(
        _("contact consent given"),
        null=True,
        blank=True,
        help_text=_("The contact is shown publicly only while consent is recorded."),
    )
    contact_consent_wording = models.TextField(_("consent wording"), blank=True)
    status = models.CharField(
        _("publication"), max_length=10, choices=PracticeStatus, default=PracticeStatus.DRAFT
    )
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    objects = GoodPracticeQuerySet.as_manager()

    class Meta:
        ordering = ["title"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="practice_published"),
            # The exports sorted by title walk this index instead of sorting every practice.
            models.Index(F("status"), Lower("title"), F("id"), name="practice_title_lower"),
            # A region's newest practices (a broad search filtered by region finds its most
            # recent matches) without walking the other regions' practices; with the id, a
            # region's practices are counted and joined to their themes from the index alone.
            models.Index(
                fields=["status", "region", "-published_at", "-id"],
                name="practice_region_published",
            ),
            # The same for a region's finished (or ongoing) practices, the list's two main
            # filters together: the walk above read every practice of the region and checked
            # each one's status and words (10 ms for 1,000 matches at 300,000 practices; 5 ms).
            models.Index(
                fields=["status", "region", "progress", "-published_at", "-id"],
                name="practice_region_progress",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("practices:practice_detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    @property
    def shows_contact(self) -> bool:
        return bool(self.contact_consent_at and (self.contact_name or self.contact_email))


class TransferStage(models.TextChoices):
    INTEREST = "interest", _("Interest")
    STUDY = "study", _("Study")
    UNDER_WAY = "under_way", _("Transfer under way")
    ADOPTED = "adopted", _("Adopted")


class Transfer(models.Model):
    """Region B studying or adopting region A's practice."""

    practice = models.ForeignKey(
        GoodPractice,
        on_delete=models.CASCADE,
        related_name="transfers",
        verbose_name=_("good practice"),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="transfers_in",
        verbose_name=_("learning region"),
    )
    stage = models.CharField(_("stage"), max_length=10, choices=TransferStage)
    started_on = models.DateField(_("since"), null=True, blank=True)
    updated_on = models.DateField(_("stage reached on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True, max_length=5000)

    class Meta:
        ordering = ["practice__title", "region__name"]
        verbose_name = _("transfer")
        verbose_name_plural = _("transfers")
        constraints = [
            models.UniqueConstraint(fields=["practice", "region"], name="one_transfer_per_region")
        ]

    def __str__(self):
        return f"{self.practice} → {self.region}"


class Interest(models.Model):
    """A stakeholder's message to a practice's owner organisation."""

    practice = models.ForeignKey(
        GoodPractice,
        on_delete=models.CASCADE,
        related_name="interests",
        verbose_name=_("good practice"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sender"),
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    message = models.TextField(_("message"), max_length=3000)
    consent_at = models.DateTimeField(_("consent to be contacted"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")

    def __str__(self):
        return f"{self.name} · {self.practice}"
