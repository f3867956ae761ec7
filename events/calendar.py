"""The events as iCalendar (RFC 5545): a subscribable feed, and one event to download.

Times are written in each event's own time zone (DTSTART;TZID=Europe/Vilnius:...) with the
matching VTIMEZONE components, so calendar programs show the local time of the meeting.
"""

from collections.abc import Callable, Iterable
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from .models import Event, EventFormat, EventStatus

PRODID = "-//INTER VENTURES//Interreg Europe partnership portal//EN"
UID_DOMAIN = "interventures.eu"
REFRESH_INTERVAL = timedelta(hours=6)

_STATUS = {
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def feed_events(*, region=None) -> QuerySet:
    """The public (published) events, those a region hosts or takes part in when given."""
    events = Event.objects.filter(is_published=True)
    if region is not None:
        events = events.filter(
            Q(host_region=region)
            | Q(pk__in=Event.regions.through.objects.filter(region=region).values("event_id"))
        )
    return events.order_by("starts_at", "pk")


def event_uid(event: Event) -> str:
    """Stable for the event's whole life, so calendars update it rather than duplicate it."""
    return f"event-{event.pk}@{UID_DOMAIN}"


def event_location(event: Event) -> str:
    place = event.actual_place or event.planned_place
    if not place and event.format == EventFormat.ONLINE:
        return "Online"
    return place


def event_component(event: Event, *, url: str, stamp=None) -> CalendarEvent:
    tz = event.tzinfo
    component = CalendarEvent()
    component.add("uid", event_uid(event))
    component.add("dtstamp", stamp or timezone.now())
    component.add("dtstart", event.starts_at.astimezone(tz))
    component.add("dtend", event.ends_at.astimezone(tz))
    component.add("summary", event.title)
    description = strip_tags(event.summary).strip()
    if description:
        component.add("description", description)
    location = event_location(event)
    if location:
        component.add("location", location)
    component.add("url", url)
    component.add("status", _STATUS.get(event.status, "CONFIRMED"))
    component.add("last-modified", event.updated_at)
    return component


def build_calendar(
    events: Iterable[Event], *, name: str, absolute_url: Callable[[Event], str]
) -> Calendar:
    """A VCALENDAR with one VEVENT per event and the VTIMEZONEs they refer to."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", REFRESH_INTERVAL)
    stamp = timezone.now()
    first = last = None
    for event in events:
        calendar.add_component(event_component(event, url=absolute_url(event), stamp=stamp))
        first = min(first or event.starts_at, event.starts_at)
        last = max(last or event.ends_at, event.ends_at)
    if first is not None:
        # Transitions only around the events' dates keep the VTIMEZONEs short.
        calendar.add_missing_timezones(
            first_date=(first - timedelta(days=366)).date(),
            last_date=(last + timedelta(days=366)).date(),
        )
    return calendar
