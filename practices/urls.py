from django.urls import path

from interventures.public_pages import public_page

from .feeds import PracticeFeed
from .views import opendata, practices, search, transfers

app_name = "practices"

urlpatterns = [
    path("", search.practice_list, name="practice_list"),
    path("new/", practices.practice_create, name="practice_create"),
    path("export.csv", search.export_csv, name="export_csv"),
    path("export.json", search.export_json, name="export_json"),
    path("export.jsonld", opendata.export_jsonld, name="export_jsonld"),
    path(
        "feed.atom",
        public_page(versions=lambda request: ["practices", "partners"])(PracticeFeed()),
        name="practice_feed",
    ),
    path("transfers/", transfers.transfer_matrix, name="transfer_matrix"),
    path("<slug:slug>/", practices.practice_detail, name="practice_detail"),
    path("<slug:slug>/edit/", practices.practice_edit, name="practice_edit"),
    path("<slug:slug>/submit/", practices.practice_submit, name="practice_submit"),
    path("<slug:slug>/publish/", practices.practice_publish, name="practice_publish"),
    path("<slug:slug>/return/", practices.practice_return, name="practice_return"),
    path("<slug:slug>/interest/", practices.interest_send, name="interest_send"),
    path("<slug:slug>/contact/withdraw/", practices.contact_withdraw, name="contact_withdraw"),
    path("<slug:slug>/transfers/new/", transfers.transfer_create, name="transfer_create"),
    path("<slug:slug>/transfers/<int:pk>/edit/", transfers.transfer_edit, name="transfer_edit"),
]
