from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("regions/<slug:slug>/instruments/new/", views.instrument_create, name="instrument_create"),
    path(
        "regions/<slug:slug>/instruments/<int:pk>/edit/",
        views.instrument_edit,
        name="instrument_edit",
    ),
    path(
        "regions/<slug:slug>/instruments/<int:pk>/delete/",
        views.instrument_delete,
        name="instrument_delete",
    ),
    path("invitations/", views.invitation_list, name="invitation_list"),
    path("invitations/new/", views.invitation_create, name="invitation_create"),
    path("invitations/<int:pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("invitations/<str:token>/accept/", views.invitation_accept, name="invitation_accept"),
    # Before allauth's include (portal/urls.py), which owns the rest of accounts/.
    path("accounts/name/", views.account_name, name="account_name"),
]
