"""Compendiums: coordinators export several reports (and the documents of the kinds other apps
register, `reports.compendium_parts`) as one PDF, made in the background."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import access, selectors, services
from ..forms import CompendiumForm
from ..models import CompendiumStatus
from ..tasks import CompendiumFailed


def coordinator_required(view):
    """Anonymous visitors are sent to sign in; other signed-in users get 403."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not access.can_export_compendium(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@coordinator_required
@require_http_methods(["GET", "POST"])
def compendium_create(request):
    form = CompendiumForm(
        request.POST if request.method == "POST" else None,
        reports=selectors.selectable_reports(request.user),
        user=request.user,
    )
    if form.is_valid():
        compendium = services.compendium_request(
            user=request.user,
            reports=form.cleaned_data["reports"],
            language=form.cleaned_data["language"],
            documents=form.chosen_documents(),
        )
        return redirect(compendium)
    return render(
        request,
        "reports/compendium_form.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )


@coordinator_required
@require_GET
def compendium_detail(request, pk):
    compendium = selectors.compendium_for(pk)
    return render(
        request,
        "reports/compendium_detail.html",
        {
            "compendium": compendium,
            "progress": selectors.compendium_progress(compendium),
            "download_name": selectors.download_filename(compendium),
        },
    )


@never_cache
@coordinator_required
@require_GET
def compendium_status(request, pk):
    compendium = selectors.compendium_for(pk)
    progress = selectors.compendium_progress(compendium)
    done = compendium.status == CompendiumStatus.DONE
    return JsonResponse(
        {
            "status": progress.status,
            "done": progress.done,
            "total": progress.total,
            "bar_value": progress.bar_value,
            "bar_max": progress.bar_max,
            "message": progress.message,
            "error": progress.error,
            "finished": progress.is_finished,
            "download_url": reverse("reports:compendium_download", kwargs={"pk": compendium.pk})
            if done
            else None,
        }
    )


@coordinator_required
@require_GET
def compendium_download(request, pk):
    compendium = selectors.compendium_for(pk)
    if compendium.status != CompendiumStatus.DONE or not compendium.pdf:
        return HttpResponse(
            _("The compendium is not ready yet."),
            status=409,
            content_type="text/plain; charset=utf-8",
        )
    return FileResponse(
        compendium.pdf.open("rb"),
        as_attachment=True,
        filename=selectors.download_filename(compendium),
        content_type="application/pdf",
    )


@coordinator_required
@require_POST
def compendium_retry(request, pk):
    compendium = selectors.compendium_for(pk)
    try:
        services.compendium_retry(compendium=compendium)
    except CompendiumFailed as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("The compendium was started again."))
    return redirect(compendium)
