"""Region and organisation names in each of the portal's languages (django-modeltranslation).

`name` reads the active language's column (name_it, name_hu, ...) and falls back to English when
that one is empty; an empty translation is stored as NULL so that the unique names stay unique
only among the names actually written.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import PartnerOrganisation, Region


@register(Region)
class RegionTranslationOptions(TranslationOptions):
    fields = ("name",)
    empty_values = None


@register(PartnerOrganisation)
class PartnerOrganisationTranslationOptions(TranslationOptions):
    fields = ("name",)
    empty_values = None
