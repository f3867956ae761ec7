"""Transfers: who learns from whom (the matrix) and recording or editing a region's transfer."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from interventures.forms import SingleLineTextMixin
from interventures.public_pages import public_page
from partners.maps import add_arrows, region_map
from partners.models import Region

from .. import access, selectors, services
from ..models import GoodPractice, Transfer


class TransferForm(SingleLineTextMixin, forms.ModelForm):
    """Stage, dates and notes; the learning region only when a transfer is first recorded."""

    class Meta:
        model = Transfer
        fields = ["region", "stage", "started_on", "updated_on", "notes"]
        widgets = {
            "started_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "updated_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "notes": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "stage": gettext_lazy("Interest → study → transfer under way → adopted."),
            "notes": gettext_lazy("What your region takes from the practice, and how."),
        }
        error_messages = {
            "stage": {
                "invalid_choice": gettext_lazy("“%(value)s” is not a stage of a transfer."),
            },
            "region": {
                "invalid_choice": gettext_lazy("Choose a region you are an editor of."),
            },
        }

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if regions is None:
            del self.fields["region"]
        else:
            self.fields["region"].queryset = regions
            self.fields["region"].empty_label = None
            self.fields["region"].label = _("Learning region")

    def validate_unique(self):
        """Uniqueness (one transfer per practice and region) is the service's rule."""


@public_page(versions=lambda request: ["practices", "partners"])
def transfer_matrix(request):
    matrix = selectors.transfer_matrix()
    arrows = [(cell.origin, cell.learner, cell.total) for row in matrix.rows for cell in row.cells]
    return render(
        request,
        "practices/transfer_matrix.html",
        {
            "matrix": matrix,
            "region_map": add_arrows(
                region_map(matrix.regions, url=Region.get_absolute_url), arrows
            ),
        },
    )


def _practice(request, slug) -> GoodPractice:
    return get_object_or_404(
        access.filter_visible(GoodPractice.objects.all(), request.user).select_related("region"),
        slug=slug,
    )


def _render_form(request, *, practice, form, transfer=None):
    return render(
        request,
        "practices/transfer_form.html",
        {"practice": practice, "form": form, "transfer": transfer},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def transfer_create(request, slug):
    practice = _practice(request, slug)
    if not access.can_record_transfer(request.user, practice):
        raise PermissionDenied
    regions = Region.objects.filter(
        pk__in=access.transfer_regions_of(request.user, practice)
    ).order_by("name")
    form = TransferForm(request.POST if request.method == "POST" else None, regions=regions)
    if form.is_valid():
        try:
            services.transfer_create(practice=practice, **form.cleaned_data, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("The transfer of “%(title)s” to %(region)s was recorded.")
                % {"title": practice.title, "region": form.cleaned_data["region"].name},
            )
            return redirect(practice)
    return _render_form(request, practice=practice, form=form)


@login_required
@require_http_methods(["GET", "POST"])
def transfer_edit(request, slug, pk):
    practice = _practice(request, slug)
    transfer = get_object_or_404(
        Transfer.objects.select_related("region"), practice=practice, pk=pk
    )
    transfer.practice = practice
    if not access.can_edit_transfer(request.user, transfer):
        raise PermissionDenied
    form = TransferForm(request.POST if request.method == "POST" else None, instance=transfer)
    if form.is_valid():
        data = {name: form.cleaned_data[name] for name in ("stage", "started_on", "updated_on")}
        try:
            services.transfer_update(
                transfer=transfer,
                notes=form.cleaned_data["notes"],
                actor=request.user,
                **data,
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("The transfer was saved."))
            return redirect(practice)
    return _render_form(request, practice=practice, form=form, transfer=transfer)
