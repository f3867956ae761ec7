"""Registering for an event, cancelling, and the organisers' participant list (page and CSV)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from .. import access, exports, selectors, services
from ..models import Event, Registration, RegistrationStatus


def _visible_event(request, slug) -> Event:
    return get_object_or_404(access.filter_visible(Event.objects.all(), request.user), slug=slug)


def _organised_event(request, slug) -> Event:
    event = _visible_event(request, slug)
    if not access.can_organise(request.user, event):
        raise PermissionDenied
    return event


@login_required
@require_POST
def register(request, slug):
    event = _visible_event(request, slug)
    try:
        registration = services.registration_create(event=event, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(event)
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(request, _("You are registered."))
    else:
        messages.info(
            request,
            _("The event is full: you are on the waiting list (position %(position)d).")
            % {"position": selectors.waiting_position(registration)},
        )
    return redirect(event)


@login_required
@require_POST
def cancel(request, slug):
    event = _visible_event(request, slug)
    registration = (
        Registration.objects.filter(event=event, user=request.user)
        .exclude(status=RegistrationStatus.CANCELLED)
        .first()
    )
    if registration is None:
        raise Http404(_("You have no registration for this event."))
    services.registration_cancel(registration=registration)
    messages.success(request, _("Your registration is cancelled."))
    return redirect(event)


@login_required
@require_GET
def participants(request, slug):
    event = _organised_event(request, slug)
    return render(
        request,
        "events/participants.html",
        {
            "event": event,
            "participants": selectors.participants(event),
            "counts": selectors.participant_counts(event),
        },
    )


@login_required
@require_GET
def participants_csv(request, slug):
    event = _organised_event(request, slug)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-participants.csv"'
    response["Cache-Control"] = "private, no-store"
    exports.write_participants_csv(event, selectors.participants(event), response)
    return response
