from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import GoodPractice, Interest, Theme, Transfer


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class TransferInline(admin.TabularInline):
    model = Transfer
    extra = 0
    autocomplete_fields = ["region"]


@admin.register(GoodPractice)
class GoodPracticeAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "owner", "instrument_type", "status", "published_at"]
    list_filter = ["status", "region", "instrument_type", "progress", "themes"]
    search_fields = ["title", "summary", "owner__name"]
    list_select_related = ["region", "owner"]
    filter_horizontal = ["themes"]
    # A practice changes state only through the publication workflow, which logs and notifies.
    readonly_fields = [
        "status",
        "published_at",
        "created_at",
        "updated_at",
        "contact_consent_at",
        "contact_consent_wording",
    ]
    inlines = [TransferInline]


@admin.register(Transfer)
class TransferAdmin(admin.ModelAdmin):
    list_display = ["practice", "region", "stage", "started_on", "updated_on"]
    list_filter = ["stage", "region"]
    search_fields = ["practice__title", "region__name"]
    list_select_related = ["practice", "region"]


@admin.register(Interest)
class InterestAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "organisation", "practice", "created_at"]
    search_fields = ["name", "email", "organisation", "practice__title"]
    list_select_related = ["practice"]
    readonly_fields = ["consent_at", "created_at"]
