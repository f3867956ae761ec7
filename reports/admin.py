from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Compendium,
    Indicator,
    ReportSection,
    ReportTransition,
    ReviewComment,
    SituationAnalysisReport,
)


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0


class TransitionInline(admin.TabularInline):
    model = ReportTransition
    extra = 0
    readonly_fields = ["actor", "from_status", "to_status", "reason", "created_at"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(SituationAnalysisReport)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "region", "reference_period", "status", "updated_at"]
    list_filter = ["status", "region"]
    search_fields = ["title"]
    inlines = [IndicatorInline, TransitionInline]


@admin.register(ReportSection)
class ReportSectionAdmin(SimpleHistoryAdmin):
    list_display = ["report", "key", "version", "last_edited_by", "last_edited_at"]
    list_filter = ["key", "report__region"]
    readonly_fields = ["version", "last_edited_by", "last_edited_at"]


@admin.register(ReviewComment)
class ReviewCommentAdmin(admin.ModelAdmin):
    list_display = ["report", "section", "author", "created_at", "resolved_at"]
    list_filter = ["report__region"]


@admin.register(Compendium)
class CompendiumAdmin(admin.ModelAdmin):
    list_display = ["pk", "requested_by", "status", "done", "total", "created_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = [field.name for field in Compendium._meta.fields]
