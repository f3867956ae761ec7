from django.urls import path

from .views import citations, comments, docx, pdf, sections, synthesis

app_name = "synthesis"

urlpatterns = [
    path("", synthesis.synthesis_list, name="synthesis_list"),
    path("new/", synthesis.synthesis_create, name="synthesis_create"),
    path("<int:pk>/", synthesis.synthesis_detail, name="synthesis_detail"),
    path("<int:pk>/history/", synthesis.synthesis_history, name="synthesis_history"),
    path("<int:pk>/sections/<str:key>/edit/", sections.section_edit, name="section_edit"),
    path("<int:pk>/sections/<str:key>/cite/", citations.citation_add, name="citation_add"),
    path(
        "<int:pk>/citations/<int:citation_pk>/",
        citations.citation_detail,
        name="citation_detail",
    ),
    path(
        "<int:pk>/citations/<int:citation_pk>/confirm/",
        citations.citation_confirm,
        name="citation_confirm",
    ),
    path(
        "<int:pk>/citations/<int:citation_pk>/remove/",
        citations.citation_remove,
        name="citation_remove",
    ),
    path("<int:pk>/submit/", synthesis.synthesis_submit, name="synthesis_submit"),
    path(
        "<int:pk>/request-changes/",
        synthesis.synthesis_request_changes,
        name="synthesis_request_changes",
    ),
    path("<int:pk>/approve/", synthesis.synthesis_approve, name="synthesis_approve"),
    path("<int:pk>/reopen/", synthesis.synthesis_reopen, name="synthesis_reopen"),
    path("<int:pk>/comments/add/", comments.comment_add, name="comment_add"),
    path(
        "<int:pk>/comments/<int:comment_pk>/resolve/",
        comments.comment_resolve,
        name="comment_resolve",
    ),
    path(
        "<int:pk>/comments/<int:comment_pk>/reopen/",
        comments.comment_reopen,
        name="comment_reopen",
    ),
    path("<int:pk>/people/", comments.comment_people, name="comment_people"),
    path("<int:pk>/pdf/", pdf.synthesis_pdf, name="synthesis_pdf"),
    path("<int:pk>/pdf/status/", pdf.synthesis_pdf_status, name="synthesis_pdf_status"),
    path("<int:pk>/docx/", docx.synthesis_docx, name="synthesis_docx"),
    path("<int:pk>/odt/", docx.synthesis_odt, name="synthesis_odt"),
]
