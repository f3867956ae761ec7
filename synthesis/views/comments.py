"""Comments on the synthesis and its sections (`interventures.comments.views` does the work)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from interventures.comments import views as comment_views
from partners.people import person_label

from .. import access, selectors
from ..comments import SYNTHESIS_COMMENTS
from .synthesis import detail_context


@login_required
@require_POST
def comment_add(request, pk):
    synthesis = selectors.synthesis_detail(request.user, pk)
    if not access.can_comment(request.user, synthesis):
        raise PermissionDenied

    def refused(form):
        context = detail_context(request, synthesis, comment_form=form)
        return render(request, "synthesis/synthesis_detail.html", context, status=400)

    return comment_views.comment_add(request, SYNTHESIS_COMMENTS, synthesis, refused=refused)


def _thread_mark(request, pk: int, comment_pk: int, *, resolved: bool):
    synthesis = selectors.synthesis_for(request.user, pk)
    if not access.can_comment(request.user, synthesis):
        raise PermissionDenied
    return comment_views.thread_mark(
        request,
        SYNTHESIS_COMMENTS,
        synthesis,
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
    """The people a comment may mention whose names match `?q=`, as JSON for the autocomplete;
    404 to anyone who does not read the comments."""
    synthesis = selectors.synthesis_for(request.user, pk)
    if not access.can_comment(request.user, synthesis):
        raise Http404
    return comment_views.people(
        request,
        SYNTHESIS_COMMENTS,
        synthesis,
        label=lambda person: person_label(person, names_shown=True),
    )
