from django.urls import path

from .views import comments, docx, drafts, monitoring, pdf, plans

app_name = "plans"

urlpatterns = [
    path("", plans.plan_list, name="plan_list"),
    path("new/", plans.plan_create, name="plan_create"),
    path("<int:pk>/", plans.plan_detail, name="plan_detail"),
    path("<int:pk>/edit/", plans.plan_edit, name="plan_edit"),
    path("<int:pk>/edit/autosave/", drafts.plan_autosave, name="plan_autosave"),
    path("<int:pk>/edit/draft/discard/", drafts.plan_draft_discard, name="plan_draft_discard"),
    path("<int:pk>/history/", plans.plan_history, name="plan_history"),
    path("<int:pk>/comments/add/", comments.plan_comment_add, name="plan_comment_add"),
    path(
        "<int:pk>/comments/<int:comment_pk>/resolve/",
        comments.plan_comment_resolve,
        name="plan_comment_resolve",
    ),
    path(
        "<int:pk>/comments/<int:comment_pk>/reopen/",
        comments.plan_comment_reopen,
        name="plan_comment_reopen",
    ),
    path("<int:pk>/people/", comments.plan_comment_people, name="plan_comment_people"),
    path("<int:pk>/actions/new/", plans.action_create, name="action_create"),
    path("<int:pk>/actions/<int:action_pk>/edit/", plans.action_edit, name="action_edit"),
    path("<int:pk>/actions/<int:action_pk>/remove/", plans.action_remove, name="action_remove"),
    path(
        "<int:pk>/actions/<int:action_pk>/autosave/",
        drafts.action_autosave,
        name="action_autosave",
    ),
    path(
        "<int:pk>/actions/<int:action_pk>/draft/discard/",
        drafts.action_draft_discard,
        name="action_draft_discard",
    ),
    path("<int:pk>/submit/", plans.plan_submit, name="plan_submit"),
    path("<int:pk>/request-changes/", plans.plan_request_changes, name="plan_request_changes"),
    path("<int:pk>/approve/", plans.plan_approve, name="plan_approve"),
    path("<int:pk>/reopen/", plans.plan_reopen, name="plan_reopen"),
    path("<int:pk>/due-date/set/", plans.plan_due_date, name="plan_due_date"),
    path("<int:pk>/pdf/", pdf.plan_pdf, name="plan_pdf"),
    path("<int:pk>/pdf/status/", pdf.plan_pdf_status, name="plan_pdf_status"),
    path("<int:pk>/docx/", docx.plan_docx, name="plan_docx"),
    path("<int:pk>/odt/", docx.plan_odt, name="plan_odt"),
    path("<int:pk>/monitoring/", monitoring.monitoring_timeline, name="monitoring"),
    path(
        "<int:pk>/monitoring/<int:period>/", monitoring.monitoring_report, name="monitoring_report"
    ),
    path(
        "<int:pk>/monitoring/<int:period>/start/",
        monitoring.monitoring_start,
        name="monitoring_start",
    ),
    path(
        "<int:pk>/monitoring/<int:period>/actions/<int:action_pk>/",
        monitoring.progress_edit,
        name="progress_edit",
    ),
    path(
        "<int:pk>/monitoring/<int:period>/submit/",
        monitoring.monitoring_submit,
        name="monitoring_submit",
    ),
    path(
        "<int:pk>/monitoring/<int:period>/request-changes/",
        monitoring.monitoring_request_changes,
        name="monitoring_request_changes",
    ),
    path(
        "<int:pk>/monitoring/<int:period>/approve/",
        monitoring.monitoring_approve,
        name="monitoring_approve",
    ),
    path(
        "<int:pk>/monitoring/<int:period>/reopen/",
        monitoring.monitoring_reopen,
        name="monitoring_reopen",
    ),
    path("evidence/<int:file_pk>/", monitoring.evidence_download, name="evidence_download"),
    path("evidence/<int:file_pk>/remove/", monitoring.evidence_remove, name="evidence_remove"),
    path("monitoring-periods/", monitoring.period_list, name="period_list"),
]
