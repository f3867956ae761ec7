"""The notification centre: a person's notifications, opening one, marking all read, and how
to be told of each kind."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import access, selectors, services
from .forms import PreferencesForm
from .models import Notification

PER_PAGE = 25


@login_required
@require_GET
def notification_list(request):
    page_obj = Paginator(selectors.notifications_of(request.user), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/notification_list.html", {"page_obj": page_obj})


@login_required
@require_GET
def notification_open(request, pk):
    """Follow a notification to where it leads, marking it read. A GET, so that it is a plain
    link (a new tab, a copied address); reading is idempotent and changes nothing shared."""
    notification = get_object_or_404(
        access.filter_visible(Notification.objects.all(), request.user), pk=pk
    )
    services.notification_open(notification=notification)
    link = notification.link_in(get_language())
    if not url_has_allowed_host_and_scheme(
        link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect("notifications:notification_list")
    return redirect(link)


@login_required
@require_POST
def notifications_mark_all_read(request):
    if services.notifications_mark_all_read(user=request.user):
        messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:notification_list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        initial=selectors.preferences_of(request.user),
    )
    if form.is_valid():
        services.preferences_save(user=request.user, channels=form.cleaned_data)
        messages.success(request, _("Your notification settings were saved."))
        return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form},
        status=400 if form.errors else 200,
    )
