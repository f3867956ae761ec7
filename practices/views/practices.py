"""One practice: its page, writing it, its publication workflow, the public contact's consent
and "express interest"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partners.access import can_read_region_drafts

from .. import access, selectors_detail, services
from ..forms import InterestForm, PracticeForm, ReasonForm
from ..models import PracticeStatus


def _client_ip(request) -> str:
    # REMOTE_ADDR is set by the server in front of Django (gunicorn behind a proxy that
    # rewrites it); a client-sent X-Forwarded-For is not trusted.
    return request.META.get("REMOTE_ADDR", "")


def _interest_form(request, data=None) -> InterestForm:
    user = request.user
    initial = {}
    if user.is_authenticated:
        initial = {"name": user.get_full_name() or "", "email": user.email}
    return InterestForm(data, initial=initial)


def _detail_context(request, practice, **forms):
    user = request.user
    is_editor = access.is_region_editor(user, practice)
    is_reviewer = access.is_reviewer(user)
    return {
        "practice": practice,
        "themes": list(practice.themes.all()),
        "transitions": list(practice.transitions.all()),
        "related": selectors_detail.related_practices(practice),
        "shows_workflow": can_read_region_drafts(user, practice.region),
        "can_edit": access.can_edit(user, practice),
        "can_submit": is_editor and practice.status in access.EDITABLE,
        "can_review": is_reviewer and practice.status == PracticeStatus.SUBMITTED,
        "can_withdraw_contact": is_editor and practice.shows_contact,
        "accepts_interest": practice.status == PracticeStatus.PUBLISHED,
        "interest_form": forms.get("interest_form") or _interest_form(request),
        "return_form": forms.get("return_form") or ReasonForm(prefix="return"),
    }


def practice_detail(request, slug):
    practice = selectors_detail.practice_detail(request.user, slug)
    return render(request, "practices/practice_detail.html", _detail_context(request, practice))


@login_required
@require_http_methods(["GET", "POST"])
def practice_create(request):
    if not access.can_create(request.user):
        raise PermissionDenied
    regions = selectors_detail.editor_regions(request.user)
    form = PracticeForm(request.POST if request.method == "POST" else None, regions=regions)
    if request.method == "POST":
        if form.is_valid():
            try:
                practice = services.practice_create(**form.service_data())
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
    practice = selectors_detail.practice_for(request.user, slug)
    if not access.can_edit(request.user, practice):
        raise PermissionDenied
    form = PracticeForm(request.POST if request.method == "POST" else None, instance=practice)
    if request.method == "POST":
        if form.is_valid():
            data = form.service_data()
            try:
                practice = services.practice_update(practice=practice, **data)
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


_TRANSITION_MESSAGES = {
    "submit": _("The practice was submitted for publication; the coordinators have been told."),
    "publish": _("The practice is published and now public."),
    "return": _("The practice was returned for changes; the owner's editors have been told."),
}


def _transition(request, slug, action, has_role):
    """Roles are checked here; the practice's state by the service, which explains a refusal."""
    practice = selectors_detail.practice_for(request.user, slug)
    if not has_role(request.user, practice):
        raise PermissionDenied
    reason = ""
    if action == "return":
        form = ReasonForm(request.POST, prefix="return")
        if not form.is_valid():
            practice = selectors_detail.practice_detail(request.user, slug)
            messages.error(request, _("Please give a reason: the region's editors will read it."))
            context = _detail_context(request, practice, return_form=form)
            return render(request, "practices/practice_detail.html", context, status=400)
        reason = form.cleaned_data["reason"]
    try:
        services.practice_transition(
            practice=practice, actor=request.user, action=action, reason=reason
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _TRANSITION_MESSAGES[action])
    return redirect(practice)


@login_required
@require_POST
def practice_submit(request, slug):
    return _transition(request, slug, "submit", access.is_region_editor)


@login_required
@require_POST
def practice_publish(request, slug):
    return _transition(request, slug, "publish", lambda user, _practice: access.is_reviewer(user))


@login_required
@require_POST
def practice_return(request, slug):
    return _transition(request, slug, "return", lambda user, _practice: access.is_reviewer(user))


@login_required
@require_POST
def contact_withdraw(request, slug):
    practice = selectors_detail.practice_for(request.user, slug)
    if not access.is_region_editor(request.user, practice):
        raise PermissionDenied
    services.contact_withdraw(practice=practice)
    messages.success(request, _("The contact person and their consent were removed."))
    return redirect(practice)


@require_POST
def interest_send(request, slug):
    practice = selectors_detail.practice_for(request.user, slug)
    if practice.status != PracticeStatus.PUBLISHED:
        messages.error(request, _("Only a published practice can receive interest."))
        return redirect(practice)
    form = _interest_form(request, request.POST)
    status = 400
    if form.is_valid():
        try:
            services.interest_send(
                practice=practice,
                user=request.user,
                ip=_client_ip(request),
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
    practice = selectors_detail.practice_detail(request.user, slug)
    context = _detail_context(request, practice, interest_form=form)
    return render(request, "practices/practice_detail.html", context, status=status)
