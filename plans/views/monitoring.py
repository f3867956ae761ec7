"""Phase 2 monitoring: a plan's timeline, a period's report with each action's progress and
evidence files, its review workflow, and the monitoring periods."""

import unicodedata
from functools import wraps
from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from interventures.activity.selectors import recent_entries_for
from interventures.public_pages import public_page
from interventures.workflow.forms import ReasonForm
from interventures.workflow.selectors import steps_of
from interventures.workflow.views import take_step
from partners.selectors import attach_organisations

from .. import access
from ..forms.monitoring import PeriodForm, ProgressForm, SummaryForm
from ..models import MAX_EVIDENCE_FILES, MonitoringPeriod, PlanStatus
from ..monitoring_chart import chart_of, period_label
from ..selectors import monitoring as selectors
from ..services import monitoring as services
from ..workflow import MONITORING_WORKFLOW


@public_page(versions=lambda request, pk: [f"plan:{pk}", "plans:shared", "partners"])
@require_GET
def monitoring_timeline(request, pk):
    plan = selectors.plan_for(request.user, pk)
    timeline = selectors.timeline(plan, request.user)
    return render(
        request,
        "plans/monitoring_timeline.html",
        {
            "plan": plan,
            "timeline": timeline,
            "chart": chart_of(timeline),
        },
    )


@login_required
@require_POST
def monitoring_start(request, pk, period):
    plan = selectors.plan_for(request.user, pk)
    period = get_object_or_404(MonitoringPeriod, pk=period)
    if not access.can_monitor(request.user, plan):
        raise PermissionDenied
    report, created = services.monitoring_start(plan=plan, period=period, actor=request.user)
    if created:
        messages.success(
            request,
            _("The monitoring report of %(period)s was started: record each action's progress.")
            % {"period": period},
        )
    return redirect(report)


def _report_context(request, report, **forms):
    user = request.user
    can_write = access.can_write_monitoring(user, report)
    names_shown = access.can_read_history(user, report.plan)
    steps = steps_of(MONITORING_WORKFLOW, report) if names_shown else []
    activity = recent_entries_for(report) if names_shown else []
    rows = selectors.report_rows(report)
    attach_organisations([step.actor for step in steps] + [entry.actor for entry in activity])
    transitions = {
        action for action in MONITORING_WORKFLOW.transitions if _may(action, user, report)
    }
    returned = (
        steps[-1]
        if steps and steps[-1].entry.to_state == report.status == PlanStatus.CHANGES_REQUESTED
        else None
    )
    return {
        "plan": report.plan,
        "report": report,
        "rows": rows,
        "can_write": can_write,
        "can_submit": "submit" in transitions,
        "can_review": "approve" in transitions,
        "can_reopen": "reopen" in transitions,
        "missing": [row.action for row in rows if row.progress is None]
        if "submit" in transitions
        else [],
        "summary_form": forms.get("summary_form")
        or (SummaryForm(instance=report, auto_id="id_summary_%s") if can_write else None),
        "changes_form": forms.get("changes_form")
        or ReasonForm(prefix="changes", workflow=MONITORING_WORKFLOW),
        "names_shown": names_shown,
        "steps": steps,
        "activity": activity,
        "returned": returned,
    }


def _may(action: str, user, report) -> bool:
    step = MONITORING_WORKFLOW.transitions[action]
    return report.status in step.sources and step.may(user, report)


@require_http_methods(["GET", "POST"])
def monitoring_report(request, pk, period):
    """The report; a POST saves its summary (the region's editors, while it is editable)."""
    report = selectors.report_for(request.user, pk, period)
    if request.method == "POST":
        if not access.can_write_monitoring(request.user, report):
            raise PermissionDenied
        form = SummaryForm(request.POST, instance=report, auto_id="id_summary_%s")
        if not form.is_valid():
            context = _report_context(request, report, summary_form=form)
            return render(request, "plans/monitoring_report.html", context, status=400)
        services.monitoring_summary_save(
            report=report, summary=form.cleaned_data["summary"], actor=request.user
        )
        messages.success(request, _("The summary was saved."))
        return redirect(report)
    return render(request, "plans/monitoring_report.html", _report_context(request, report))


def _writable_report(view):
    """The report (404 unless visible), which only its region's editors may change, and only
    while it is a draft or has changes requested (403 otherwise)."""

    @wraps(view)
    @login_required
    def wrapper(request, pk, period, **kwargs):
        report = selectors.report_for(request.user, pk, period)
        if not access.can_write_monitoring(request.user, report):
            raise PermissionDenied
        return view(request, report, **kwargs)

    return wrapper


@_writable_report
@require_http_methods(["GET", "POST"])
def progress_edit(request, report, action_pk):
    action, progress = selectors.progress_of(report, action_pk)
    files = list(progress.files.all()) if progress else []
    form = ProgressForm(
        request.POST if request.method == "POST" else None,
        request.FILES if request.method == "POST" else None,
        instance=progress,
        period=report.period,
        files_held=len(files),
        auto_id="id_progress_%s",
    )
    if form.is_valid():
        document = form.cleaned_data.get("document")
        services.progress_save(
            report=report,
            action=action,
            values=form.cleaned_data,
            actor=request.user,
            document=document,
            document_kind=form.document_kind,
        )
        if document:
            messages.success(
                request,
                _("The progress of “%(action)s” was saved, with the document “%(name)s”.")
                % {"action": action.title, "name": document.name},
            )
        else:
            messages.success(
                request, _("The progress of “%(action)s” was saved.") % {"action": action.title}
            )
        return redirect(f"{report.get_absolute_url()}#action-{action.pk}")
    return render(
        request,
        "plans/progress_edit.html",
        {
            "plan": report.plan,
            "report": report,
            "action": action,
            "form": form,
            "files": files,
            "max_files": MAX_EVIDENCE_FILES,
        },
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def evidence_remove(request, file_pk):
    evidence = selectors.evidence_for(request.user, file_pk)
    report = evidence.progress.report
    if not access.can_write_monitoring(request.user, report):
        raise PermissionDenied
    name, action = evidence.name, evidence.progress.action
    services.evidence_remove(evidence=evidence, actor=request.user)
    messages.success(request, _("The document “%(name)s” was removed.") % {"name": name})
    return redirect(
        "plans:progress_edit", pk=report.plan_id, period=report.period_id, action_pk=action.pk
    )


def _attachment(name: str) -> str:
    """`attachment` with the name twice: ASCII for old clients, UTF-8 (RFC 6266) for others."""
    ascii_name = (
        unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().replace('"', "'")
    )
    ascii_name = "".join(char for char in ascii_name if char.isprintable() and char != "\\")
    return f"attachment; filename=\"{ascii_name or 'document'}\"; filename*=UTF-8''{quote(name)}"


@require_GET
@csp_override({**settings.SECURE_CSP, "sandbox": True})
def evidence_download(request, file_pk):
    """The file, after the access check of its monitoring report; sandboxed, never sniffed."""
    evidence = selectors.evidence_for(request.user, file_pk)
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    response = FileResponse(handle, content_type=evidence.content_type)
    response["Content-Disposition"] = _attachment(evidence.name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _take_step(request, pk, period, action):
    report = selectors.report_for(request.user, pk, period)
    prefix = MONITORING_WORKFLOW.transitions[action].form_prefix

    def invalid_reason(form):
        context = _report_context(request, report, **{f"{prefix}_form": form})
        return render(request, "plans/monitoring_report.html", context, status=400)

    return take_step(
        request,
        workflow=MONITORING_WORKFLOW,
        obj=report,
        action=action,
        invalid_reason=invalid_reason,
    )


@login_required
@require_POST
def monitoring_submit(request, pk, period):
    return _take_step(request, pk, period, "submit")


@login_required
@require_POST
def monitoring_request_changes(request, pk, period):
    return _take_step(request, pk, period, "request_changes")


@login_required
@require_http_methods(["GET", "POST"])
def monitoring_approve(request, pk, period):
    """GET: the page that asks to confirm the step; POST: the step."""
    return _take_step(request, pk, period, "approve")


@login_required
@require_http_methods(["GET", "POST"])
def monitoring_reopen(request, pk, period):
    """GET: the page that asks to confirm the step; POST: the step."""
    return _take_step(request, pk, period, "reopen")


def _period_forms(posted: PeriodForm | None = None, posted_pk: str = ""):
    """A form per period (its pk as prefix) and one to add a period; `posted`, a refused form,
    takes the place it was sent from."""
    rows = [
        (
            period,
            posted
            if posted is not None and posted_pk == str(period.pk)
            else PeriodForm(instance=period, prefix=f"period-{period.pk}"),
        )
        for period in selectors.periods_with_counts()
    ]
    new_form = posted if posted is not None and posted_pk == "" else PeriodForm(prefix="new")
    return rows, new_form


@login_required
@require_http_methods(["GET", "POST"])
def period_list(request):
    if not access.can_manage_periods(request.user):
        raise PermissionDenied
    if request.method == "POST":
        posted_pk = request.POST.get("period", "")
        if posted_pk:
            if not posted_pk.isdigit():
                raise Http404
            period = get_object_or_404(MonitoringPeriod, pk=posted_pk)
            form = PeriodForm(request.POST, instance=period, prefix=f"period-{period.pk}")
        else:
            form = PeriodForm(request.POST, prefix="new")
        if form.is_valid():
            period = services.period_save(period=form.instance, actor=request.user)
            messages.success(
                request,
                _("The period %(period)s was saved.") % {"period": period_label(period)},
            )
            return redirect("plans:period_list")
        rows, new_form = _period_forms(form, posted_pk)
        return render(
            request,
            "plans/period_list.html",
            {"rows": rows, "new_form": new_form},
            status=400,
        )
    rows, new_form = _period_forms()
    return render(request, "plans/period_list.html", {"rows": rows, "new_form": new_form})
