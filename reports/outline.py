"""The fixed outline every Situation Analysis Report follows, with guidance for the writers."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class SectionKey(models.TextChoices):
    EXECUTIVE_SUMMARY = "executive_summary", _("Executive summary")
    REGIONAL_CONTEXT = "regional_context", _("Regional context")
    SME_ECOSYSTEM = "sme_ecosystem", _("SME ecosystem")
    OPPORTUNITIES = "opportunities", _("Opportunities")
    RESOURCES = "resources", _("Resources")
    CHALLENGES = "challenges", _("Challenges")
    BARRIERS = "barriers", _("Barriers")
    PUBLIC_SUPPORT = "public_support", _("Public support")
    SWOT = "swot", _("SWOT analysis")
    RECOMMENDATIONS = "recommendations", _("Recommendations")


@dataclass(frozen=True)
class SectionSpec:
    key: SectionKey
    guidance: Promise
    required: bool

    @property
    def title(self) -> Promise:
        return self.key.label


OUTLINE: tuple[SectionSpec, ...] = (
    SectionSpec(
        SectionKey.EXECUTIVE_SUMMARY,
        _("The region's situation and the main findings on one page, for readers in a hurry."),
        required=True,
    ),
    SectionSpec(
        SectionKey.REGIONAL_CONTEXT,
        _("Geography, borders, economy and population: what shapes internationalisation here."),
        required=True,
    ),
    SectionSpec(
        SectionKey.SME_ECOSYSTEM,
        _(
            "The firms, support organisations and networks, and the ecosystem's stage: occasional "
            "cross-border cooperation, structured network or international clusterisation."
        ),
        required=True,
    ),
    SectionSpec(
        SectionKey.OPPORTUNITIES,
        _("Markets, sectors and cross-border links that SMEs could use to go international."),
        required=True,
    ),
    SectionSpec(
        SectionKey.RESOURCES,
        _("Skills, infrastructure, funding and institutions the region can build on."),
        required=False,
    ),
    SectionSpec(
        SectionKey.CHALLENGES,
        _("What makes internationalisation hard for the region's SMEs today."),
        required=True,
    ),
    SectionSpec(
        SectionKey.BARRIERS,
        _("Legal, administrative, language and market barriers, at the border and beyond."),
        required=False,
    ),
    SectionSpec(
        SectionKey.PUBLIC_SUPPORT,
        _(
            "Public programmes and the policy instrument addressed: what they offer and what "
            "is missing."
        ),
        required=True,
    ),
    SectionSpec(
        SectionKey.SWOT,
        _("Strengths, weaknesses, opportunities and threats, best as a table."),
        required=False,
    ),
    SectionSpec(
        SectionKey.RECOMMENDATIONS,
        _("What should change in the policy instrument: the basis of the action plan."),
        required=True,
    ),
)

SPECS = {spec.key.value: spec for spec in OUTLINE}
