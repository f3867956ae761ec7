"""The shared indicator codes, kept by coordinators: the list, adding one, changing one. Each
region's indicator may name a code, so the compare page can put the regions' figures side by
side (`?section=indicators`)."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from .. import access, services
from ..forms import IndicatorCodeForm
from ..models import IndicatorCode


def codes_keeper_required(view):
    """Anonymous visitors are sent to sign in; other signed-in users get 403 (the list is no
    secret: the compare page shows every code)."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not access.can_keep_indicator_codes(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@codes_keeper_required
@require_safe
def indicator_code_list(request):
    codes = IndicatorCode.objects.annotate(used=Count("indicators"))
    return render(request, "reports/indicator_code_list.html", {"codes": codes})


def _form_page(request, form, saved_code=""):
    """The form; `saved_code` is the code as saved (a bound form has changed its instance)."""
    return render(
        request,
        "reports/indicator_code_form.html",
        {"form": form, "saved_code": saved_code},
        status=400 if form.is_bound else 200,
    )


@codes_keeper_required
@require_http_methods(["GET", "POST"])
def indicator_code_create(request):
    form = IndicatorCodeForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return _form_page(request, form)
    try:
        indicator_code = services.indicator_code_create(data=form.cleaned_data, actor=request.user)
    except ValidationError as error:
        form.add_error(None, error)
        return _form_page(request, form)
    messages.success(
        request, _("The shared code %(code)s was added.") % {"code": indicator_code.code}
    )
    return redirect(reverse("reports:indicator_code_list"))


@codes_keeper_required
@require_http_methods(["GET", "POST"])
def indicator_code_edit(request, pk):
    indicator_code = get_object_or_404(IndicatorCode, pk=pk)
    saved_code = indicator_code.code
    form = IndicatorCodeForm(
        request.POST if request.method == "POST" else None, instance=indicator_code
    )
    if not form.is_valid():
        return _form_page(request, form, saved_code)
    try:
        services.indicator_code_update(
            indicator_code=indicator_code, data=form.cleaned_data, actor=request.user
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _form_page(request, form, saved_code)
    messages.success(
        request, _("The shared code %(code)s was saved.") % {"code": indicator_code.code}
    )
    return redirect(reverse("reports:indicator_code_list"))
