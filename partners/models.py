"""The partnership: people, regions, partner organisations and the policies they improve."""

import hashlib

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account. The email address is the login; there is no username."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    is_coordinator = models.BooleanField(
        _("coordinator"),
        default=False,
        help_text=_("Coordinators review reports and invite partners, across all regions."),
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The portal's pages and emails use it; empty until the person chooses."),
    )
    # Set when the person deleted their account: the row stays, without personal data, so that
    # their contributions stay attributed to their organisation (see portal/services.py).
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        ordering = ["email"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        # Never the email address: a name shown on a page or in a log must not be a contact.
        return self.get_full_name() or gettext("User %(number)s") % {"number": self.pk}

    @property
    def organisation(self) -> "PartnerOrganisation | None":
        """The person's partner organisation (the first, by name), from the memberships that
        `partners.selectors.attach_organisations` prefetched, else in one query."""
        memberships = self.memberships.all()
        return memberships[0].organisation if memberships else None


class Country(models.TextChoices):
    HU = "HU", _("Hungary")
    IT = "IT", _("Italy")
    PL = "PL", _("Poland")
    ES = "ES", _("Spain")
    LT = "LT", _("Lithuania")
    DE = "DE", _("Germany")


class EcosystemStage(models.IntegerChoices):
    OCCASIONAL = 1, _("Occasional cross-border cooperation")
    NETWORK = 2, _("Structured network")
    CLUSTER = 3, _("International clusterisation")


ECOSYSTEM_STAGE_EXPLANATIONS = {
    EcosystemStage.OCCASIONAL: _(
        "Firms and public bodies work across the border now and then, project by project, "
        "without a lasting structure."
    ),
    EcosystemStage.NETWORK: _(
        "Support organisations, chambers and authorities cooperate in a structured network "
        "that SMEs can rely on."
    ),
    EcosystemStage.CLUSTER: _(
        "SMEs take part in international clusters that share services, markets and resources "
        "across borders."
    ),
}


class Region(models.Model):
    """One of the partnership's five border regions, each with its own SME ecosystem."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    country = models.CharField(_("country"), max_length=2, choices=Country)
    nuts_code = models.CharField(_("NUTS code"), max_length=5, blank=True)
    ecosystem_stage = models.PositiveSmallIntegerField(
        _("ecosystem stage"), choices=EcosystemStage, default=EcosystemStage.OCCASIONAL
    )
    profile = models.TextField(_("profile"), blank=True)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("region_detail", kwargs={"slug": self.slug})

    @property
    def ecosystem_stage_explanation(self):
        return ECOSYSTEM_STAGE_EXPLANATIONS[EcosystemStage(self.ecosystem_stage)]


class PartnerOrganisation(models.Model):
    """An organisation in the partnership; the advisory partner belongs to no region."""

    class Kind(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")
        ADVISORY = "advisory", _("Advisory partner")

    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="organisations",
        verbose_name=_("region"),
        null=True,
        blank=True,
    )
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(_("short name"), max_length=40)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.PARTNER)
    city = models.CharField(_("city"), max_length=80, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country)
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="logos/", blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A person's role in a partner organisation, and through it in the organisation's region."""

    class Role(models.TextChoices):
        EDITOR = "editor", _("Editor")
        VIEWER = "viewer", _("Viewer")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["organisation__name", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="membership_one_role_per_organisation"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation.short_name} · {self.get_role_display()}"


class PolicyInstrument(models.Model):
    """A public policy, programme or strategy that a region's partners set out to improve."""

    class Kind(models.TextChoices):
        ETC = "etc", _("European Territorial Cooperation programme")
        OPERATIONAL = "operational", _("Structural Funds operational programme")
        STRATEGY = "strategy", _("Regional or local strategy")
        OTHER = "other", _("Other policy instrument")

    class Status(models.TextChoices):
        ANALYSIS = "analysis", _("Phase 1: analysis and interregional learning")
        ACTION_PLAN = "action_plan", _("Phase 1: action plan being written")
        MONITORING = "monitoring", _("Phase 2: action plan being implemented")
        IMPROVED = "improved", _("Improved")

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="instruments",
        verbose_name=_("region"),
    )
    name = models.CharField(_("name"), max_length=250)
    managing_authority = models.CharField(_("managing authority"), max_length=250, blank=True)
    kind = models.CharField(_("type"), max_length=12, choices=Kind)
    period = models.CharField(
        _("programming period"), max_length=20, blank=True, help_text=_("For example 2014-2020.")
    )
    improvement = models.TextField(
        _("what the partnership wants to improve"),
        help_text=_("The weakness of the instrument that the action plan addresses."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.ANALYSIS)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["region__name", "name"]
        verbose_name = _("policy instrument")
        verbose_name_plural = _("policy instruments")

    def __str__(self):
        return self.name


class Stakeholder(models.Model):
    """A member organisation of a region's stakeholder group.

    Personal contact data may be stored only once the person's consent is recorded; the
    database refuses it otherwise.
    """

    class Kind(models.TextChoices):
        AUTHORITY = "authority", _("Public authority")
        AGENCY = "agency", _("Development or business support agency")
        CHAMBER = "chamber", _("Chamber of commerce or business association")
        ACADEMIA = "academia", _("University or research centre")
        ENTERPRISE = "enterprise", _("Enterprise")
        OTHER = "other", _("Other")

    region = models.ForeignKey(
        Region,
        on_delete=models.CASCADE,
        related_name="stakeholders",
        verbose_name=_("region"),
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.OTHER)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    consent_recorded_at = models.DateTimeField(
        _("consent recorded"),
        null=True,
        blank=True,
        help_text=_("When the contact person agreed to have their details stored."),
    )

    class Meta:
        ordering = ["region__name", "organisation_name"]
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(consent_recorded_at__isnull=False)
                | models.Q(contact_name="", contact_email="", contact_phone=""),
                name="stakeholder_contact_needs_consent",
                violation_error_message=_(
                    "Personal contact details can only be stored once consent is recorded."
                ),
            )
        ]

    def __str__(self):
        return self.organisation_name


class Invitation(models.Model):
    """A coordinator's invitation of an email address to a partner organisation with a role.

    Only a hash of the token is stored: the link in the email is the only copy of the secret.
    """

    email = models.EmailField(_("email address"))
    organisation = models.ForeignKey(
        PartnerOrganisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Membership.Role)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The email and the acceptance page are in this language."),
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation.short_name} ({self.get_role_display()})"

    @staticmethod
    def hash_token(token: str) -> str:
        return hashlib.sha256(token.encode()).hexdigest()

    @property
    def is_open(self) -> bool:
        return (
            self.accepted_at is None
            and self.revoked_at is None
            and self.expires_at > timezone.now()
        )
