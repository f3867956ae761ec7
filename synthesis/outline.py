"""The outline of the partnership's joint synthesis: the five regions' analyses read together."""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class SynthesisSectionKey(models.TextChoices):
    INTRODUCTION = "introduction", _("Introduction")
    COMMON_BARRIERS = "common_barriers", _("Common barriers")
    REGIONS_COMPARED = "regions_compared", _("The regions compared")
    POLICY_INSTRUMENTS = "policy_instruments", _("Policy instruments")
    LESSONS = "lessons", _("Lessons for interregional learning")
    RECOMMENDATIONS = "recommendations", _("Recommendations")


@dataclass(frozen=True)
class SynthesisSectionSpec:
    key: SynthesisSectionKey
    guidance: Promise

    @property
    def title(self) -> Promise:
        return self.key.label


OUTLINE: tuple[SynthesisSectionSpec, ...] = (
    SynthesisSectionSpec(
        SynthesisSectionKey.INTRODUCTION,
        _("The partnership, its border regions and how the regional analyses were made."),
    ),
    SynthesisSectionSpec(
        SynthesisSectionKey.COMMON_BARRIERS,
        _("The barriers to SME internationalisation the regions share, and where they differ."),
    ),
    SynthesisSectionSpec(
        SynthesisSectionKey.REGIONS_COMPARED,
        _("The regions side by side: the stage of each ecosystem, its strengths and weaknesses."),
    ),
    SynthesisSectionSpec(
        SynthesisSectionKey.POLICY_INSTRUMENTS,
        _("The policy instruments each region addresses and what they offer SMEs today."),
    ),
    SynthesisSectionSpec(
        SynthesisSectionKey.LESSONS,
        _("What the regions can learn from each other: practices worth transferring."),
    ),
    SynthesisSectionSpec(
        SynthesisSectionKey.RECOMMENDATIONS,
        _("Recommendations to the regions' policy makers and to the programme."),
    ),
)

SPECS = {spec.key: spec for spec in OUTLINE}
