"""The reports list, one report, creating one, the review workflow and comments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from partners.access import roles_of
from partners.models import Region

from .. import access, selectors, services
from ..forms import CommentForm, ReasonForm, ReportCreateForm
from ..models import ReviewComment


def report_list(request):
    return render(
        request,
        "reports/report_list.html",
        {
            "reports": selectors.report_list(request.user),
            "can_create": bool(roles_of(request.user).editor_region_ids),
            "can_export": access.can_export_compendium(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_create(request):
    regions = Region.objects.filter(pk__in=roles_of(request.user).editor_region_ids)
    if not regions.exists():
        raise PermissionDenied
    form = ReportCreateForm(request.POST if request.method == "POST" else None, regions=regions)
    if form.is_valid():
        report = services.report_create(**form.cleaned_data)
        messages.success(request, _("The report was created with the outline's sections."))
        return redirect(report)
    return render(request, "reports/report_form.html", {"form": form})


def report_detail(request, pk):
    report = selectors.report_detail(request.user, pk)
    return render(request, "reports/report_detail.html", _detail_context(request, report))


def _detail_context(request, report, **forms):
    user = request.user
    can_review = access.can_review(user, report)
    return {
        "report": report,
        "completeness": selectors.completeness(report),
        "can_write": access.can_write(user, report),
        "can_submit": access.can_submit(user, report),
        "can_comment": access.can_comment(user, report),
        "can_review": can_review,
        "can_reopen": access.can_reopen(user, report),
        "comment_form": forms.get("comment_form") or CommentForm(report=report),
        "changes_form": forms.get("changes_form") or ReasonForm(prefix="changes"),
        "reopen_form": forms.get("reopen_form") or ReasonForm(prefix="reopen"),
        "missing_sections": services.missing_required_sections(report)
        if access.can_submit(user, report)
        else [],
    }


def _transition(request, pk, action, has_role, form_prefix=None):
    """Roles are checked here; the report's state by the service, which explains a refusal."""
    report = selectors.report_detail(request.user, pk)
    if not has_role(request.user, report):
        raise PermissionDenied
    reason = ""
    if form_prefix:
        form = ReasonForm(request.POST, prefix=form_prefix)
        if not form.is_valid():
            context = _detail_context(request, report, **{f"{form_prefix}_form": form})
            return render(request, "reports/report_detail.html", context, status=400)
        reason = form.cleaned_data["reason"]
    try:
        services.report_transition(report=report, actor=request.user, action=action, reason=reason)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _TRANSITION_MESSAGES[action])
    return redirect(report)


_TRANSITION_MESSAGES = {
    "submit": _("The report was submitted for review; the coordinators have been told."),
    "request_changes": _("Changes were requested; the region's editors have been told."),
    "approve": _("The report is approved and now public."),
    "reopen": _("The report was reopened for changes."),
}


@login_required
@require_POST
def report_submit(request, pk):
    return _transition(request, pk, "submit", access.is_region_editor)


@login_required
@require_POST
def report_request_changes(request, pk):
    return _transition(request, pk, "request_changes", access.is_reviewer, "changes")


@login_required
@require_POST
def report_approve(request, pk):
    return _transition(request, pk, "approve", access.is_reviewer)


@login_required
@require_POST
def report_reopen(request, pk):
    return _transition(request, pk, "reopen", access.is_reviewer, "reopen")


@login_required
@require_POST
def comment_add(request, pk):
    report = selectors.report_detail(request.user, pk)
    if not access.can_comment(request.user, report):
        raise PermissionDenied
    form = CommentForm(request.POST, report=report)
    if not form.is_valid():
        context = _detail_context(request, report, comment_form=form)
        return render(request, "reports/report_detail.html", context, status=400)
    comment = services.comment_add(report=report, author=request.user, **form.cleaned_data)
    messages.success(request, _("Your comment was added."))
    return redirect(f"{report.get_absolute_url()}#comment-{comment.pk}")


@login_required
@require_POST
def comment_resolve(request, pk, comment_pk):
    report = selectors.report_for(request.user, pk)
    if not access.can_comment(request.user, report):
        raise PermissionDenied
    comment = get_object_or_404(ReviewComment, report=report, pk=comment_pk)
    services.comment_resolve(comment=comment, user=request.user)
    messages.success(request, _("The comment was marked as resolved."))
    return redirect(f"{report.get_absolute_url()}#comments")
