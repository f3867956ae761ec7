"""Comments on an action plan and its actions: adding one, resolving and reopening a thread,
the people a comment may mention (`interventures.comments.views` does the work)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from interventures.comments import views as comment_views
from partners.people import person_label

from .. import access
from ..comments import PLAN_COMMENTS
from ..selectors import plans as selectors
from .plans import detail_context


@login_required
@require_POST
def plan_comment_add(request, pk):
    plan = selectors.plan_detail(request.user, pk)
    if not access.can_comment(request.user, plan):
        raise PermissionDenied

    def refused(form):
        context = detail_context(request, plan, comment_form=form)
        return render(request, "plans/plan_detail.html", context, status=400)

    return comment_views.comment_add(request, PLAN_COMMENTS, plan, refused=refused)


def _thread_mark(request, pk: int, comment_pk: int, *, resolved: bool):
    plan = selectors.plan_for(request.user, pk)
    if not access.can_comment(request.user, plan):
        raise PermissionDenied
    return comment_views.thread_mark(
        request,
        PLAN_COMMENTS,
        plan,
        comment_pk,
        can_resolve=lambda comment: access.can_resolve(request.user, comment),
        resolved=resolved,
    )


@login_required
@require_POST
def plan_comment_resolve(request, pk, comment_pk):
    return _thread_mark(request, pk, comment_pk, resolved=True)


@login_required
@require_POST
def plan_comment_reopen(request, pk, comment_pk):
    return _thread_mark(request, pk, comment_pk, resolved=False)


@require_GET
def plan_comment_people(request, pk):
    """The people a comment may mention whose names match `?q=`, as JSON for the autocomplete:
    the plan's comment readers only, and only to them (404 to anyone else)."""
    plan = selectors.plan_for(request.user, pk)
    if not access.can_comment(request.user, plan):
        raise Http404
    return comment_views.people(
        request,
        PLAN_COMMENTS,
        plan,
        label=lambda person: person_label(person, names_shown=True),
    )
