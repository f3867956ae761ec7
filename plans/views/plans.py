"""Action plans: the list, a plan's page, writing it and its actions, its review steps."""

from copy import copy

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.middleware.csp import get_nonce
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from js_asset import Media

from interventures.comments import views as comment_views
from interventures.public_pages import public_page
from interventures.workflow.forms import ReasonForm
from interventures.workflow.selectors import steps_of
from interventures.workflow.views import take_step
from partners.models import Region
from partners.selectors import attach_organisations
from reports.diff import word_diff

from .. import access
from ..comments import PLAN_COMMENTS
from ..forms.drafts import differs
from ..forms.plans import ActionForm, PlanCreateForm, PlanDueDateForm, PlanForm
from ..models import MAX_ACTIONS, PlanStatus
from ..selectors import plans as selectors
from ..selectors.comments import plan_comments
from ..services import plans as services
from ..workflow import PLAN_WORKFLOW


@public_page(versions=lambda request: ["plans", "partners"])
@require_safe
def plan_list(request):
    regions = Region.objects.filter(pk__in=access.regions_to_create_in(request.user))
    return render(
        request,
        "plans/plan_list.html",
        {"plans": selectors.plan_list(request.user), "create_regions": list(regions)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_create(request):
    region_ids = access.regions_to_create_in(request.user)
    if not region_ids:
        raise PermissionDenied
    regions = Region.objects.filter(pk__in=region_ids)
    form = PlanCreateForm(
        request.POST if request.method == "POST" else None,
        regions=regions,
        initial={"region": request.GET.get("region")} if "region" in request.GET else None,
    )
    if form.is_valid():
        try:
            plan = services.plan_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("The action plan was started. Write its policy context and actions.")
            )
            return redirect(plan)
    status = 400 if form.is_bound else 200
    return render(request, "plans/plan_form.html", {"form": form}, status=status)


@public_page(
    versions=lambda request, pk: [f"plan:{pk}", "plans:shared", "partners", "reports", "practices"]
)
@require_safe
def plan_detail(request, pk):
    plan = selectors.plan_detail(request.user, pk)
    return render(request, "plans/plan_detail.html", detail_context(request, plan))


def detail_context(request, plan, **forms):
    user = request.user
    names_shown = access.can_read_history(user, plan)
    steps = steps_of(PLAN_WORKFLOW, plan) if names_shown else []
    attach_organisations([step.actor for step in steps])
    # Returned (changes requested, or reopened): its reason is quoted in the next step.
    returned = (
        steps[-1]
        if steps and steps[-1].entry.to_state == plan.status == PlanStatus.CHANGES_REQUESTED
        else None
    )
    allowed = PLAN_WORKFLOW.actions_for(user, plan)
    is_editor = access.is_region_editor(user, plan)
    days_left = plan.days_left
    return {
        "plan": plan,
        "actions": list(plan.actions.all()),
        "names_shown": names_shown,
        "steps": steps,
        "returned": returned if is_editor else None,
        "allowed": allowed,
        "can_write": access.can_write(user, plan),
        "is_editor": is_editor,
        "missing": selectors.missing_in_plan(plan) if is_editor and plan.is_editable else [],
        "max_actions": MAX_ACTIONS,
        "days_left": days_left,
        "days_overdue": -days_left if days_left is not None and days_left < 0 else None,
        "changes_form": forms.get("changes_form")
        or ReasonForm(prefix="changes", workflow=PLAN_WORKFLOW),
        "can_set_due_date": access.is_reviewer(user, plan),
        "due_date_form": forms.get("due_date_form")
        or PlanDueDateForm(initial={"due_date": plan.due_date}),
        "is_approved": plan.status == PlanStatus.APPROVED,
        # Visitors never read comments, and no query is made for them.
        "comments": comment_views.page_comments(
            PLAN_COMMENTS,
            plan,
            plan_comments(plan),
            can_resolve=lambda comment: access.can_resolve(user, comment),
            posted=forms.get("comment_form"),
        )
        if access.can_comment(user, plan)
        else None,
    }


# --- writing the plan ------------------------------------------------------------------------


def _writable_plan(request, pk):
    """The plan if the user is one of its region's editors (404 when they may not see it)."""
    plan = selectors.plan_for(request.user, pk)
    if not access.is_region_editor(request.user, plan):
        raise PermissionDenied
    return plan


def _not_editable(request, plan):
    messages.info(
        request,
        _("The action plan is %(status)s: it cannot be changed now.")
        % {"status": plan.get_status_display().lower()},
    )
    return redirect(plan)


def _media(request, form):
    return Media.from_media(form.media).with_nonce(get_nonce(request))


def _editor_with_draft(request, make_form, draft):
    """The unbound form to open, and the draft to offer: with `?draft=1` the form shows the
    writer's draft (on the version it was based on, so that saving it over a newer version is
    a conflict, never an overwrite); otherwise the saved values, and the draft is offered when
    it holds something else."""
    if draft is not None and request.GET.get("draft") == "1":
        return make_form(initial={**draft.data, "base_version": draft.base_version}), None
    form = make_form()
    return form, draft if draft is not None and differs(draft.data, form) else None


def _render_plan_form(request, plan, form, *, status=200, conflict=None, draft=None):
    context = {
        "plan": plan,
        "form": form,
        "media": _media(request, form),
        "conflict": conflict,
        "draft": draft,
    }
    if conflict is not None:
        context["diffs"] = [
            (
                _("Policy context"),
                word_diff(conflict.policy_context, form.data.get("policy_context", "")),
            ),
            (
                _("Summary in English"),
                word_diff(conflict.english_summary, form.data.get("english_summary", "")),
            ),
        ]
    return render(request, "plans/plan_edit.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def plan_edit(request, pk):
    plan = _writable_plan(request, pk)
    if not access.can_write(request.user, plan):
        return _not_editable(request, plan)
    if request.method == "GET":
        form, draft = _editor_with_draft(
            request,
            lambda **kwargs: PlanForm(instance=plan, **kwargs),
            selectors.plan_draft_of(request.user, plan),
        )
        return _render_plan_form(request, plan, form, draft=draft)
    # The form works on a copy: a refused post must not change the plan shown around it.
    form = PlanForm(request.POST, instance=selectors.plan_for(request.user, pk))
    if not form.is_valid():
        return _render_plan_form(request, plan, form, status=400)
    data = {name: value for name, value in form.cleaned_data.items() if name != "base_version"}
    try:
        services.plan_save(
            plan=plan,
            author=request.user,
            data=data,
            base_version=form.cleaned_data["base_version"],
        )
    except services.VersionConflict as conflict:
        # The writer's text stays in the form, now based on the current version: saving again
        # after reading the differences is a deliberate merge.
        merged = request.POST.copy()
        merged["base_version"] = conflict.current.version
        # A copy: validating the form writes the posted values into its instance.
        merge_form = PlanForm(merged, instance=copy(conflict.current))
        merge_form.is_valid()
        return _render_plan_form(
            request, conflict.current, merge_form, status=409, conflict=conflict.current
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _render_plan_form(request, plan, form, status=400)
    messages.success(request, _("The action plan was saved."))
    return redirect(plan)


@require_safe
def plan_history(request, pk):
    plan = selectors.plan_history_for(request.user, pk)
    steps = steps_of(PLAN_WORKFLOW, plan)
    attach_organisations([step.actor for step in steps])
    return render(
        request,
        "plans/plan_history.html",
        {
            "plan": plan,
            "history": selectors.plan_history_of(plan),
            "steps": steps,
            "names_shown": True,
        },
    )


# --- actions ----------------------------------------------------------------------------------


def _render_action_form(request, plan, form, *, action=None, status=200, conflict=None, draft=None):
    context = {
        "plan": plan,
        "action": action,
        "form": form,
        "media": _media(request, form),
        "conflict": conflict,
        "draft": draft,
    }
    if conflict is not None:
        context["diffs"] = [
            (_("Background"), word_diff(conflict.background, form.data.get("background", ""))),
            (_("The action"), word_diff(conflict.description, form.data.get("description", ""))),
        ]
    return render(request, "plans/action_form.html", context, status=status)


def _action_data(form) -> dict:
    return {name: value for name, value in form.cleaned_data.items() if name != "base_version"}


@login_required
@require_http_methods(["GET", "POST"])
def action_create(request, pk):
    plan = _writable_plan(request, pk)
    if not access.can_write(request.user, plan):
        return _not_editable(request, plan)
    if request.method == "GET":
        if plan.actions.count() >= MAX_ACTIONS:
            messages.info(
                request, _("A plan can have at most %(max)d actions.") % {"max": MAX_ACTIONS}
            )
            return redirect(plan)
        return _render_action_form(request, plan, ActionForm(plan=plan))
    form = ActionForm(request.POST, plan=plan)
    if not form.is_valid():
        return _render_action_form(request, plan, form, status=400)
    try:
        action = services.action_add(plan=plan, author=request.user, data=_action_data(form))
    except ValidationError as error:
        form.add_error(None, error)
        return _render_action_form(request, plan, form, status=400)
    anchor = f"action-{action.pk}"
    messages.success(
        request, _("The action “%(title)s” was added.") % {"title": action.title}, extra_tags=anchor
    )
    return redirect(action)


@login_required
@require_http_methods(["GET", "POST"])
def action_edit(request, pk, action_pk):
    plan = _writable_plan(request, pk)
    action = selectors.action_for(plan, action_pk)
    if not access.can_write(request.user, plan):
        return _not_editable(request, plan)
    if request.method == "GET":
        form, draft = _editor_with_draft(
            request,
            lambda **kwargs: ActionForm(instance=action, plan=plan, **kwargs),
            selectors.plan_draft_of(request.user, plan, action),
        )
        return _render_action_form(request, plan, form, action=action, draft=draft)
    form = ActionForm(request.POST, instance=selectors.action_for(plan, action_pk), plan=plan)
    if not form.is_valid():
        return _render_action_form(request, plan, form, action=action, status=400)
    try:
        services.action_save(
            action=action,
            author=request.user,
            data=_action_data(form),
            base_version=form.cleaned_data["base_version"],
        )
    except services.VersionConflict as conflict:
        merged = request.POST.copy()
        merged["base_version"] = conflict.current.version
        merge_form = ActionForm(merged, instance=copy(conflict.current), plan=plan)
        merge_form.is_valid()
        return _render_action_form(
            request,
            plan,
            merge_form,
            action=conflict.current,
            status=409,
            conflict=conflict.current,
        )
    except ValidationError as error:
        form.add_error(None, error)
        return _render_action_form(request, plan, form, action=action, status=400)
    anchor = f"action-{action.pk}"
    messages.success(
        request, _("The action “%(title)s” was saved.") % {"title": action.title}, extra_tags=anchor
    )
    return redirect(action)


@login_required
@require_POST
def action_remove(request, pk, action_pk):
    plan = _writable_plan(request, pk)
    action = selectors.action_for(plan, action_pk)
    if not access.can_write(request.user, plan):
        return _not_editable(request, plan)
    try:
        services.action_remove(action=action, author=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("The action “%(title)s” was removed.") % {"title": action.title}
        )
    return redirect(f"{plan.get_absolute_url()}#actions")


# --- review steps and due date ---------------------------------------------------------------


def _take_step(request, pk, action):
    plan = selectors.plan_detail(request.user, pk)
    prefix = PLAN_WORKFLOW.transitions[action].form_prefix

    def invalid_reason(form):
        context = detail_context(request, plan, **{f"{prefix}_form": form})
        return render(request, "plans/plan_detail.html", context, status=400)

    return take_step(
        request, workflow=PLAN_WORKFLOW, obj=plan, action=action, invalid_reason=invalid_reason
    )


@login_required
@require_POST
def plan_submit(request, pk):
    return _take_step(request, pk, "submit")


@login_required
@require_POST
def plan_request_changes(request, pk):
    return _take_step(request, pk, "request_changes")


@login_required
@require_http_methods(["GET", "POST"])
def plan_approve(request, pk):
    """GET: the page that asks to confirm the step; POST: the step."""
    return _take_step(request, pk, "approve")


@login_required
@require_http_methods(["GET", "POST"])
def plan_reopen(request, pk):
    """GET: the page that asks to confirm the step; POST: the step."""
    return _take_step(request, pk, "reopen")


@login_required
@require_POST
def plan_due_date(request, pk):
    plan = selectors.plan_for(request.user, pk)
    if not access.is_reviewer(request.user, plan):
        raise PermissionDenied
    form = PlanDueDateForm(request.POST)
    if not form.is_valid():
        plan = selectors.plan_detail(request.user, pk)
        context = detail_context(request, plan, due_date_form=form)
        return render(request, "plans/plan_detail.html", context, status=400)
    due_date = form.cleaned_data["due_date"]
    services.plan_due_date_set(plan=plan, due_date=due_date, actor=request.user)
    if due_date:
        messages.success(
            request,
            _("The due date is %(date)s.") % {"date": date_format(due_date, "DATE_FORMAT")},
        )
    else:
        messages.success(request, _("The action plan has no due date any more."))
    return redirect(plan)
