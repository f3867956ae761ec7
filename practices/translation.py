"""Theme names in each of the portal's languages (django-modeltranslation, English fallback).

An empty translation is stored as NULL so that the unique names stay unique only among the
names actually written.
"""

from modeltranslation.translator import TranslationOptions, register

from .models import Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)
    empty_values = None
