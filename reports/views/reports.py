"""The reports list, one report, creating one, the review workflow and comments."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from interventures.activity.selectors import recent_entries_for
from interventures.comments import views as comment_views
from interventures.public_pages import public_page
from interventures.workflow.forms import ReasonForm
from interventures.workflow.selectors import steps_of
from interventures.workflow.views import take_step
from partners.models import Region
from partners.people import person_label
from partners.selectors import attach_organisations

from .. import access, selectors, services
from ..comments import REPORT_COMMENTS
from ..forms import DueDateForm, ReportCreateForm
from ..models import ReportStatus
from ..workflow import REPORT_WORKFLOW


@public_page(versions=lambda request: ["reports", "partners"])
def report_list(request):
    return render(
        request,
        "reports/report_list.html",
        {
            "reports": selectors.report_list(request.user),
            "can_create": bool(access.regions_to_create_in(request.user)),
            "can_export": access.can_export_compendium(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def report_create(request):
    regions = Region.objects.filter(pk__in=access.regions_to_create_in(request.user))
    if not regions.exists():
        raise PermissionDenied
    form = ReportCreateForm(request.POST if request.method == "POST" else None, regions=regions)
    if form.is_valid():
        report = services.report_create(**form.cleaned_data, actor=request.user)
        messages.success(request, _("The report was created with the outline's sections."))
        return redirect(report)
    return render(request, "reports/report_form.html", {"form": form})


@public_page(
    versions=lambda request, pk: [
        f"report:{pk}",
        "reports:shared",
        "partners",
        "practices",
        "plans",
    ]
)
def report_detail(request, pk):
    report = selectors.report_detail(request.user, pk)
    return render(request, "reports/report_detail.html", _detail_context(request, report))


def _detail_context(request, report, **forms):
    user = request.user
    can_review = access.can_review(user, report)
    # Visitors read the approved text only: who did what, and why, is the partnership's.
    names_shown = access.can_read_history(user, report)
    steps = steps_of(REPORT_WORKFLOW, report) if names_shown else []
    activity = recent_entries_for(report) if names_shown else []
    attach_organisations([step.actor for step in steps] + [entry.actor for entry in activity])
    # Returned (changes requested, or reopened): the reason comes first in the next step.
    returned = (
        steps[-1]
        if steps and steps[-1].entry.to_state == report.status == ReportStatus.CHANGES_REQUESTED
        else None
    )
    comments = (
        comment_views.page_comments(
            REPORT_COMMENTS,
            report,
            report.comments.all(),
            can_resolve=lambda comment: access.can_resolve(user, comment),
            posted=forms.get("comment_form"),
        )
        if access.can_comment(user, report)
        else None
    )
    return {
        "report": report,
        "completeness": selectors.completeness(report),
        "can_write": access.can_write(user, report),
        "can_submit": access.can_submit(user, report),
        "can_comment": access.can_comment(user, report),
        "can_review": can_review,
        "can_reopen": access.can_reopen(user, report),
        "comments": comments,
        "changes_form": forms.get("changes_form")
        or ReasonForm(prefix="changes", workflow=REPORT_WORKFLOW),
        "names_shown": names_shown,
        "steps": steps,
        "activity": activity,
        "returned": returned,
        # The sections whose threads are still open, counted from the threads shown below.
        "open_comments": [group for group in comments.groups if group.part and group.open_count]
        if returned and comments
        else [],
        "missing_sections": selectors.missing_required_sections(report)
        if access.can_submit(user, report)
        else [],
        "can_set_due_date": access.can_set_due_date(user),
        "due_date_form": forms.get("due_date_form")
        or DueDateForm(initial={"due_date": report.due_date}),
    }


def _take_step(request, pk, action):
    report = selectors.report_detail(request.user, pk)
    prefix = REPORT_WORKFLOW.transitions[action].form_prefix

    def invalid_reason(form):
        context = _detail_context(request, report, **{f"{prefix}_form": form})
        return render(request, "reports/report_detail.html", context, status=400)

    return take_step(
        request, workflow=REPORT_WORKFLOW, obj=report, action=action, invalid_reason=invalid_reason
    )


@login_required
@require_POST
def report_submit(request, pk):
    return _take_step(request, pk, "submit")


@login_required
@require_POST
def report_request_changes(request, pk):
    return _take_step(request, pk, "request_changes")


@login_required
@require_http_methods(["GET", "POST"])
def report_approve(request, pk):
    """GET: the page that asks to confirm the step; POST: the step."""
    return _take_step(request, pk, "approve")


@login_required
@require_http_methods(["GET", "POST"])
def report_reopen(request, pk):
    """GET: the page that asks to confirm the step; POST: the step."""
    return _take_step(request, pk, "reopen")


@login_required
@require_POST
def report_due_date(request, pk):
    report = selectors.report_detail(request.user, pk)
    if not access.can_set_due_date(request.user):
        raise PermissionDenied
    form = DueDateForm(request.POST)
    if not form.is_valid():
        context = _detail_context(request, report, due_date_form=form)
        return render(request, "reports/report_detail.html", context, status=400)
    due_date = form.cleaned_data["due_date"]
    services.report_due_date_set(report=report, due_date=due_date, actor=request.user)
    if due_date:
        messages.success(
            request,
            _("The due date is %(date)s; the region's editors will be reminded.")
            % {"date": date_format(due_date, "DATE_FORMAT")},
        )
    else:
        messages.success(request, _("The report has no due date any more."))
    return redirect(report)


@login_required
@require_POST
def comment_add(request, pk):
    report = selectors.report_detail(request.user, pk)
    if not access.can_comment(request.user, report):
        raise PermissionDenied

    def refused(form):
        context = _detail_context(request, report, comment_form=form)
        return render(request, "reports/report_detail.html", context, status=400)

    return comment_views.comment_add(request, REPORT_COMMENTS, report, refused=refused)


def _thread_mark(request, pk: int, comment_pk: int, *, resolved: bool):
    report = selectors.report_for(request.user, pk)
    if not access.can_comment(request.user, report):
        raise PermissionDenied
    return comment_views.thread_mark(
        request,
        REPORT_COMMENTS,
        report,
        comment_pk,
        can_resolve=lambda comment: access.can_resolve(request.user, comment),
        resolved=resolved,
    )


@login_required
@require_POST
def comment_resolve(request, pk, comment_pk):
    return _thread_mark(request, pk, comment_pk, resolved=True)


@login_required
@require_POST
def comment_reopen(request, pk, comment_pk):
    return _thread_mark(request, pk, comment_pk, resolved=False)


@require_GET
def comment_people(request, pk):
    """The people a comment may mention whose names match `?q=`, as JSON for the autocomplete:
    the report's readers only, and only to them (404 to anyone else, as the report's drafts)."""
    report = selectors.report_for(request.user, pk)
    if not access.can_comment(request.user, report):
        raise Http404
    return comment_views.people(
        request,
        REPORT_COMMENTS,
        report,
        label=lambda person: person_label(person, names_shown=True),
    )
