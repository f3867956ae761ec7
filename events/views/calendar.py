"""The events as iCalendar: the public feed to subscribe to, and one event to download."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from interventures.public_pages import public_page
from partners.models import Region

from .. import access
from ..calendar import build_calendar, feed_events
from ..models import Event

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _ics_response(calendar, *, filename: str, disposition: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


@public_page(versions=lambda request: ["events", "partners"])
@require_safe
def calendar_feed(request):
    """All published events (`?region=<slug>`: those the region hosts or takes part in)."""
    region = None
    if slug := request.GET.get("region"):
        region = get_object_or_404(Region, slug=slug)
    name = (
        _("INTER VENTURES events: %(region)s") % {"region": region.name}
        if region
        else _("INTER VENTURES events")
    )
    calendar = build_calendar(
        feed_events(region=region),
        name=name,
        absolute_url=lambda event: request.build_absolute_uri(event.get_absolute_url()),
    )
    filename = f"interventures-{region.slug}.ics" if region else "interventures-events.ics"
    return _ics_response(calendar, filename=filename, disposition="inline")


@public_page(versions=lambda request, slug: ["events", "partners"])
@require_safe
def event_ics(request, slug):
    event = get_object_or_404(access.filter_visible(Event.objects.all(), request.user), slug=slug)
    calendar = build_calendar(
        [event],
        name=event.title,
        absolute_url=lambda event: request.build_absolute_uri(event.get_absolute_url()),
    )
    return _ics_response(calendar, filename=f"{event.slug}.ics", disposition="attachment")
