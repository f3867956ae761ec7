from django.urls import path

from interventures.public_pages import public_page

from .feeds import EventFeed
from .views import calendar, events, registrations

app_name = "events"

urlpatterns = [
    path("", events.event_list, name="event_list"),
    path("new/", events.event_create, name="event_create"),
    path("calendar.ics", calendar.calendar_feed, name="calendar_feed"),
    path(
        "feed.atom",
        public_page(versions=lambda request: ["events", "partners"])(EventFeed()),
        name="event_feed",
    ),
    path("<slug:slug>/", events.event_detail, name="event_detail"),
    path("<slug:slug>/edit/", events.event_edit, name="event_edit"),
    path("<slug:slug>/event.ics", calendar.event_ics, name="event_ics"),
    path("<slug:slug>/register/", registrations.register, name="register"),
    path("<slug:slug>/cancel/", registrations.cancel, name="cancel_registration"),
    path("<slug:slug>/participants/", registrations.participants, name="participants"),
    path("<slug:slug>/participants.csv", registrations.participants_csv, name="participants_csv"),
]
