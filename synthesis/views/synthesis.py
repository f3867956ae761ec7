"""The list of syntheses, starting one, one synthesis, its review steps and its history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from interventures.activity.selectors import recent_entries_for
from interventures.comments import views as comment_views
from interventures.public_pages import public_page
from interventures.workflow.forms import ReasonForm
from interventures.workflow.selectors import steps_of
from interventures.workflow.views import take_step
from partners.selectors import attach_organisations, people_with_organisations

from .. import access, selectors, services
from ..citations import cited_body, numbered
from ..comments import SYNTHESIS_COMMENTS
from ..forms import SynthesisCreateForm
from ..models import SynthesisStatus
from ..workflow import SYNTHESIS_WORKFLOW


@public_page(versions=lambda request: ["syntheses", "partners"])
def synthesis_list(request):
    return render(
        request,
        "synthesis/synthesis_list.html",
        {
            "syntheses": selectors.synthesis_list(request.user),
            "can_create": access.can_create(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def synthesis_create(request):
    if not access.can_create(request.user):
        raise PermissionDenied
    form = SynthesisCreateForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        synthesis = services.synthesis_create(**form.cleaned_data, actor=request.user)
        messages.success(request, _("The synthesis was created with the outline's sections."))
        return redirect(synthesis)
    return render(request, "synthesis/synthesis_form.html", {"form": form})


# The sources it cites are reports' sections: whether each is public shows on the page.
@public_page(versions=lambda request, pk: [f"synthesis:{pk}", "reports", "partners"])
def synthesis_detail(request, pk):
    synthesis = selectors.synthesis_detail(request.user, pk)
    return render(request, "synthesis/synthesis_detail.html", detail_context(request, synthesis))


def detail_context(request, synthesis, **forms):
    user = request.user
    sections = list(synthesis.sections.all())
    citations = numbered(sections)
    for section in sections:
        section.cited = citations[section.pk]
        section.cited_body = cited_body(section, section.cited)
    # Visitors read the approved text only: who did what, and why, is the partnership's.
    names_shown = access.can_read_history(user, synthesis)
    steps = steps_of(SYNTHESIS_WORKFLOW, synthesis) if names_shown else []
    activity = recent_entries_for(synthesis) if names_shown else []
    attach_organisations([step.actor for step in steps] + [entry.actor for entry in activity])
    returned = (
        steps[-1]
        if steps
        and steps[-1].entry.to_state == synthesis.status == SynthesisStatus.CHANGES_REQUESTED
        else None
    )
    actions = SYNTHESIS_WORKFLOW.actions_for(user, synthesis)
    comments = (
        comment_views.page_comments(
            SYNTHESIS_COMMENTS,
            synthesis,
            synthesis.comments.all(),
            can_resolve=lambda comment: access.can_resolve(user, comment),
            posted=forms.get("comment_form"),
        )
        if access.can_comment(user, synthesis)
        else None
    )
    return {
        "synthesis": synthesis,
        "sections": sections,
        "can_write": access.can_write(user, synthesis),
        "can_submit": "submit" in actions,
        "can_review": "approve" in actions,
        "can_reopen": "reopen" in actions,
        "awaits_other_coordinator": synthesis.status == SynthesisStatus.IN_REVIEW
        and access.is_coordinator(user)
        and "approve" not in actions,
        "missing_sections": selectors.missing_sections(synthesis) if "submit" in actions else [],
        "comments": comments,
        "changes_form": forms.get("changes_form")
        or ReasonForm(prefix="changes", workflow=SYNTHESIS_WORKFLOW),
        "names_shown": names_shown,
        "steps": steps,
        "activity": activity,
        "returned": returned,
    }


def _take_step(request, pk, action):
    synthesis = selectors.synthesis_detail(request.user, pk)
    prefix = SYNTHESIS_WORKFLOW.transitions[action].form_prefix

    def invalid_reason(form):
        context = detail_context(request, synthesis, **{f"{prefix}_form": form})
        return render(request, "synthesis/synthesis_detail.html", context, status=400)

    return take_step(
        request,
        workflow=SYNTHESIS_WORKFLOW,
        obj=synthesis,
        action=action,
        invalid_reason=invalid_reason,
    )


@login_required
@require_POST
def synthesis_submit(request, pk):
    return _take_step(request, pk, "submit")


@login_required
@require_POST
def synthesis_request_changes(request, pk):
    return _take_step(request, pk, "request_changes")


@login_required
@require_http_methods(["GET", "POST"])
def synthesis_approve(request, pk):
    """GET: the page that asks to confirm the step; POST: the step."""
    return _take_step(request, pk, "approve")


@login_required
@require_http_methods(["GET", "POST"])
def synthesis_reopen(request, pk):
    """GET: the page that asks to confirm the step; POST: the step."""
    return _take_step(request, pk, "reopen")


@require_GET
def synthesis_history(request, pk):
    """Every saved version of every section, newest first, with who saved it."""
    synthesis = selectors.synthesis_for(request.user, pk)
    if not access.can_read_history(request.user, synthesis):
        raise PermissionDenied
    sections = []
    for section in synthesis.sections.order_by("position"):
        versions = section.history.select_related("history_user").prefetch_related(
            people_with_organisations("history_user")
        )
        sections.append((section, [v for v in versions.order_by("-history_id") if v.version]))
    return render(
        request,
        "synthesis/history.html",
        {"synthesis": synthesis, "sections": sections},
    )
