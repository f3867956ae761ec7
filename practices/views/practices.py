"""One practice: its page, writing it, its publication workflow, the public contact's consent
and "express interest"."""

from allauth.core.internal.httpkit import get_client_ip
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from interventures.activity.selectors import recent_entries_for
from interventures.collation import sorted_by_name
from interventures.public_pages import public_page
from interventures.workflow.forms import ReasonForm
from interventures.workflow.selectors import steps_of
from interventures.workflow.views import take_step
from partners.access import can_read_region_drafts
from partners.selectors import attach_organisations

from .. import access, selectors, services
from ..forms import InterestForm, PracticeForm
from ..models import PracticeStatus
from ..workflow import PRACTICE_WORKFLOW


def _interest_form(request, data=None) -> InterestForm:
    user = request.user
    initial = {}
    if user.is_authenticated:
        initial = {"name": user.get_full_name() or "", "email": user.email}
    return InterestForm(data, initial=initial)


def _detail_context(request, practice, **forms):
    user = request.user
    is_editor = access.is_region_editor(user, practice)
    actions = PRACTICE_WORKFLOW.actions_for(user, practice)
    shows_workflow = can_read_region_drafts(user, practice.region)
    steps = steps_of(PRACTICE_WORKFLOW, practice) if shows_workflow else []
    activity = recent_entries_for(practice) if shows_workflow else []
    attach_organisations([step.actor for step in steps] + [entry.actor for entry in activity])
    return {
        "practice": practice,
        "themes": sorted_by_name(practice.themes.all()),
        "steps": steps,
        "activity": activity,
        "related": selectors.related_practices(practice),
        "shows_workflow": shows_workflow,
        "names_shown": shows_workflow,
        "can_edit": access.can_edit(user, practice),
        "can_submit": "submit" in actions,
        "can_review": "publish" in actions,
        "can_withdraw_contact": is_editor and practice.shows_contact,
        "accepts_interest": practice.status == PracticeStatus.PUBLISHED,
        "return_form": forms.get("return_form")
        or ReasonForm(prefix="return", workflow=PRACTICE_WORKFLOW),
    }


@public_page(versions=lambda request, slug: ["practices", "partners", "events", "plans"])
def practice_detail(request, slug):
    practice = selectors.practice_detail(request.user, slug)
    return render(request, "practices/practice_detail.html", _detail_context(request, practice))


@login_required
@require_http_methods(["GET", "POST"])
def practice_create(request):
    if not access.can_create(request.user):
        raise PermissionDenied
    regions = selectors.editor_regions(request.user)
    form = PracticeForm(request.POST if request.method == "POST" else None, regions=regions)
    if request.method == "POST":
        if form.is_valid():
            try:
                practice = services.practice_create(**form.service_data(), actor=request.user)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request, _("The practice was saved as a draft. Submit it when it is ready.")
                )
                return redirect(practice)
        return _render_form(request, form, None, status=400)
    return _render_form(request, form, None)


@login_required
@require_http_methods(["GET", "POST"])
def practice_edit(request, slug):
    practice = selectors.practice_for(request.user, slug)
    if not access.can_edit(request.user, practice):
        raise PermissionDenied
    form = PracticeForm(request.POST if request.method == "POST" else None, instance=practice)
    if request.method == "POST":
        if form.is_valid():
            data = form.service_data()
            try:
                practice = services.practice_update(practice=practice, **data, actor=request.user)
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(request, _("Your changes were saved."))
                return redirect(practice)
        return _render_form(request, form, practice, status=400)
    return _render_form(request, form, practice)


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _render_form(request, form, practice, status=200):
    return render(
        request,
        "practices/practice_form.html",
        {"form": form, "practice": practice},
        status=status,
    )


def _take_step(request, slug, action):
    practice = selectors.practice_for(request.user, slug)

    def invalid_reason(form):
        messages.error(request, str(PRACTICE_WORKFLOW.reason_missing))
        shown = selectors.practice_detail(request.user, slug)
        context = _detail_context(request, shown, return_form=form)
        return render(request, "practices/practice_detail.html", context, status=400)

    return take_step(
        request,
        workflow=PRACTICE_WORKFLOW,
        obj=practice,
        action=action,
        invalid_reason=invalid_reason,
    )


@login_required
@require_POST
def practice_submit(request, slug):
    return _take_step(request, slug, "submit")


@login_required
@require_http_methods(["GET", "POST"])
def practice_publish(request, slug):
    return _take_step(request, slug, "publish")


@login_required
@require_POST
def practice_return(request, slug):
    return _take_step(request, slug, "return")


@login_required
@require_POST
def contact_withdraw(request, slug):
    practice = selectors.practice_for(request.user, slug)
    if not access.is_region_editor(request.user, practice):
        raise PermissionDenied
    services.contact_withdraw(practice=practice, actor=request.user)
    messages.success(request, _("The contact person and their consent were removed."))
    return redirect(practice)


@require_http_methods(["GET", "POST"])
def interest_send(request, slug):
    """The form writing to a published practice's owner, on a page of its own: the practice's
    page then holds no CSRF token and can be cached for visitors."""
    practice = selectors.practice_for(request.user, slug)
    if practice.status != PracticeStatus.PUBLISHED:
        messages.error(request, _("Only a published practice can receive interest."))
        return redirect(practice)
    if request.method == "GET":
        return _interest_page(request, practice, _interest_form(request))
    form = _interest_form(request, request.POST)
    status = 400
    if form.is_valid():
        try:
            services.interest_send(
                practice=practice,
                user=request.user,
                ip=get_client_ip(request) or "",
                **form.service_data(),
            )
        except services.RateLimited:
            status = 429
            messages.error(
                request,
                _(
                    "You have sent several messages about practices in the last hour. Please "
                    "try again later, or write to the owner organisation directly."
                ),
            )
        else:
            messages.success(
                request,
                _("Your message was sent to the owner organisation; they will answer by email."),
            )
            return redirect(f"{practice.get_absolute_url()}#interest")
    else:
        messages.error(request, _("Your message was not sent: please correct the form."))
    return _interest_page(request, practice, form, status=status)


def _interest_page(request, practice, form, status=200):
    return render(
        request,
        "practices/interest_form.html",
        {"practice": practice, "interest_form": form},
        status=status,
    )
