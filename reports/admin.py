from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Compendium,
    Indicator,
    ReportSection,
    ReviewComment,
    SituationAnalysisReport,
)


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


@admin.register(SituationAnalysisReport)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "reference_period", "status", "updated_at"]
    list_filter = ["status", "region"]
    search_fields = ["title"]
    inlines = [IndicatorInline]
    # A report changes state only through the review workflow, which logs and notifies.
    readonly_fields = ["status"]


@admin.register(ReportSection)
class ReportSectionAdmin(SimpleHistoryAdmin):
    list_display = ["report", "key", "version", "word_count", "last_edited_by", "last_edited_at"]
    list_filter = ["key", "report__region"]
    readonly_fields = ["version", "word_count", "last_edited_by", "last_edited_at"]


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ["report", "section", "author", "created_at", "resolved_at"]
    list_filter = ["report__region"]


@admin.register(Compendium)
class CompendiumAdmin(admin.ModelAdmin):
    list_display = ["pk", "requested_by", "status", "done", "total", "created_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in Compendium._meta.fields]
