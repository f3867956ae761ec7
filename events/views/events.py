"""The events list, one event, and organising events (creating and editing them)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.middleware.csp import get_nonce
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from js_asset import Media

from interventures.public_pages import public_page
from partners.models import Region

from .. import access, selectors, services
from ..filters import EventFilter
from ..forms import EventForm


@public_page(versions=lambda request: ["events", "partners"])
def event_list(request):
    filterset = EventFilter(request.GET or None, queryset=selectors.event_list(request.user))
    return render(
        request,
        "events/event_list.html",
        {
            "filter": filterset,
            "timeline": selectors.timeline(filterset.qs),
            "is_filtered": any(request.GET.get(name) for name in filterset.form.fields),
            "can_create": access.can_create(request.user),
        },
        status=400 if filterset.is_bound and filterset.form.errors else 200,
    )


@public_page(versions=lambda request, slug: ["events", "partners", "practices"])
def event_detail(request, slug):
    event = selectors.event_detail(request.user, slug)
    viewer_timezone = timezone.get_current_timezone()
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "viewer_timezone": viewer_timezone,
            "show_viewer_time": selectors.times_differ(event, viewer_timezone),
            **selectors.registration_state(event, request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    if not access.can_create(request.user):
        raise PermissionDenied
    return _edit(request, event=None)


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, slug):
    event = selectors.event_detail(request.user, slug)
    if not access.can_organise(request.user, event):
        raise PermissionDenied
    return _edit(request, event=event)


def _edit(request, *, event):
    host_regions = access.host_regions_for(request.user, Region.objects.all())
    form = EventForm(
        request.POST if request.method == "POST" else None,
        instance=event,
        host_regions=host_regions,
    )
    original_title = event.title if event else ""
    if form.is_valid():
        saved = form.save(commit=False)
        if not saved.slug:
            saved.slug = services.free_slug(saved.title)
        try:
            saved = services.event_save(
                event=saved,
                regions=form.cleaned_data["regions"],
                practices=form.cleaned_data["practices"],
                actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("The event was saved."))
            return redirect(saved)
    context = {
        "form": form,
        "event": event,
        "original_title": original_title,
        "media": Media.from_media(form.media).with_nonce(get_nonce(request)),
    }
    return render(request, "events/event_form.html", context, status=400 if form.is_bound else 200)
