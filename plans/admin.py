from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Action,
    ActionPlan,
    ActionProgress,
    EvidenceFile,
    MonitoringPeriod,
    MonitoringReport,
)


class ActionInline(admin.StackedInline):
    model = Action
    extra = 0
    readonly_fields = ["version", "last_edited_by", "last_edited_at"]
    filter_horizontal = ["report_sections", "practices", "transfers"]


@admin.register(ActionPlan)
class ActionPlanAdmin(SimpleHistoryAdmin):
    list_display = ["title", "region", "instrument", "status", "due_date", "updated_at"]
    list_filter = ["status", "region"]
    search_fields = ["title"]
    inlines = [ActionInline]
    # A plan changes state only through the review workflow, which logs and notifies.
    readonly_fields = ["status", "version", "last_edited_by", "last_edited_at"]


@admin.register(MonitoringPeriod)
class MonitoringPeriodAdmin(admin.ModelAdmin):
    list_display = ["__str__", "starts_on", "ends_on"]


class ActionProgressInline(admin.StackedInline):
    model = ActionProgress
    extra = 0


@admin.register(MonitoringReport)
class MonitoringReportAdmin(admin.ModelAdmin):
    list_display = ["plan", "period", "status", "updated_at"]
    list_filter = ["status", "period", "plan__region"]
    inlines = [ActionProgressInline]
    # Like plans: the state moves only through the monitoring workflow.
    readonly_fields = ["status"]


@admin.register(EvidenceFile)
class EvidenceFileAdmin(admin.ModelAdmin):
    list_display = ["name", "progress", "content_type", "size", "uploaded_by", "uploaded_at"]
    readonly_fields = ["size", "content_type", "uploaded_by", "uploaded_at"]
