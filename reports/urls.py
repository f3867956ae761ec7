from django.urls import path

from .views import (
    compare,
    compendium,
    docx,
    history,
    indicator_codes,
    indicators,
    pdf,
    reports,
    sections,
)

app_name = "reports"

urlpatterns = [
    path("", reports.report_list, name="report_list"),
    path("new/", reports.report_create, name="report_create"),
    path("compare/", compare.section_across_regions, name="section_across_regions"),
    path("indicator-codes/", indicator_codes.indicator_code_list, name="indicator_code_list"),
    path(
        "indicator-codes/new/",
        indicator_codes.indicator_code_create,
        name="indicator_code_create",
    ),
    path(
        "indicator-codes/<int:pk>/edit/",
        indicator_codes.indicator_code_edit,
        name="indicator_code_edit",
    ),
    path("<int:pk>/", reports.report_detail, name="report_detail"),
    path("<int:pk>/submit/", reports.report_submit, name="report_submit"),
    path(
        "<int:pk>/request-changes/", reports.report_request_changes, name="report_request_changes"
    ),
    path("<int:pk>/approve/", reports.report_approve, name="report_approve"),
    path("<int:pk>/reopen/", reports.report_reopen, name="report_reopen"),
    path("<int:pk>/due-date/set/", reports.report_due_date, name="report_due_date"),
    path("<int:pk>/comments/add/", reports.comment_add, name="comment_add"),
    path(
        "<int:pk>/comments/<int:comment_pk>/resolve/",
        reports.comment_resolve,
        name="comment_resolve",
    ),
    path(
        "<int:pk>/comments/<int:comment_pk>/reopen/",
        reports.comment_reopen,
        name="comment_reopen",
    ),
    path("<int:pk>/people/", reports.comment_people, name="comment_people"),
    path("<int:pk>/sections/<slug:key>/edit/", sections.section_edit, name="section_edit"),
    path(
        "<int:pk>/sections/<slug:key>/autosave/", sections.section_autosave, name="section_autosave"
    ),
    path(
        "<int:pk>/sections/<slug:key>/draft/discard/",
        sections.section_draft_discard,
        name="section_draft_discard",
    ),
    path("<int:pk>/history/", history.report_history, name="report_history"),
    path("<int:pk>/sections/<slug:key>/compare/", history.section_compare, name="section_compare"),
    path(
        "<int:pk>/sections/<slug:key>/restore/<int:history_id>/",
        history.section_restore,
        name="section_restore",
    ),
    path("<int:pk>/indicators/edit/", indicators.indicators_edit, name="indicators_edit"),
    path("<int:pk>/pdf/", pdf.report_pdf, name="report_pdf"),
    path("<int:pk>/pdf/status/", pdf.report_pdf_status, name="report_pdf_status"),
    path("<int:pk>/docx/", docx.report_docx, name="report_docx"),
    path("<int:pk>/odt/", docx.report_odt, name="report_odt"),
    path("compendium/new/", compendium.compendium_create, name="compendium_create"),
    path("compendium/<uuid:pk>/", compendium.compendium_detail, name="compendium_detail"),
    path("compendium/<uuid:pk>/status/", compendium.compendium_status, name="compendium_status"),
    path(
        "compendium/<uuid:pk>/download/",
        compendium.compendium_download,
        name="compendium_download",
    ),
    path("compendium/<uuid:pk>/retry/", compendium.compendium_retry, name="compendium_retry"),
]
