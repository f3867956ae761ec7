"""What the apps' comment views share: the threads of a page with their forms, adding a comment
(or showing the refused form in its place), resolving and reopening a thread, and the
autocomplete's people. Access is the calling view's (its app's access module)."""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _

from . import services
from .declaration import Commentable
from .forms import CommentForm, PeopleQueryForm
from .mentions import token_for
from .selectors import CommentGroup, CommentThread, TargetComments, target_comments

MENTION_SUGGESTIONS = 8


def page_comments(
    commentable: Commentable,
    target,
    comments,
    *,
    can_resolve: Callable[[object], bool],
    posted: CommentForm | None = None,
) -> TargetComments:
    """The target's threads, each with its forms (a new thread per part, a reply per open
    thread); `posted`, a comment form that was refused, takes the place it was sent from.
    `can_resolve(first_comment)`: the access module's answer for the person reading."""
    grouped = target_comments(commentable, target, comments)
    groups: dict[str, CommentGroup] = {}  # by the part's key as posted ("": the whole)
    threads: dict[str, CommentThread] = {}  # by the first comment's pk, as posted
    for group in grouped.groups:
        group.form = CommentForm(
            commentable=commentable,
            target=target,
            initial={commentable.part_field: group.key},
            auto_id=f"id_{group.anchor}_%s",
        )
        groups[group.key] = group
        for thread in group.threads:
            thread.can_resolve = can_resolve(thread.first)
            if thread.is_open:
                thread.reply_form = CommentForm(
                    commentable=commentable,
                    target=target,
                    initial={"parent": thread.first.pk},
                    auto_id=f"id_reply-{thread.first.pk}_%s",
                )
            threads[str(thread.first.pk)] = thread
    if posted is not None:
        answered = threads.get(posted.data.get("parent", ""))
        if answered is not None:
            posted.auto_id = f"id_reply-{answered.first.pk}_%s"
            answered.reply_form = posted
        else:
            group = groups.get(posted.data.get(commentable.part_field, ""), grouped.groups[0])
            posted.auto_id = group.form.auto_id
            group.form = posted
    return grouped


def comment_add(
    request,
    commentable: Commentable,
    target,
    *,
    refused: Callable[[CommentForm], HttpResponse],
) -> HttpResponse:
    """Add the posted comment to `target` and go back to it; `refused(form)` renders the page
    with the refused form (status 400)."""
    form = CommentForm(
        request.POST,
        commentable=commentable,
        target=target,
        people=commentable.readers(target, ""),
    )
    if not form.is_valid():
        return refused(form)
    comment = services.comment_add(
        commentable=commentable, target=target, author=request.user, **form.comment_kwargs()
    )
    messages.success(
        request, _("Your answer was added.") if comment.parent else _("Your comment was added.")
    )
    return redirect(f"{target.get_absolute_url()}#comment-{comment.pk}")


def thread_mark(
    request,
    commentable: Commentable,
    target,
    comment_pk: int,
    *,
    can_resolve: Callable[[object], bool],
    resolved: bool,
) -> HttpResponse:
    """Resolve or reopen the thread of the target's comment `comment_pk` (404 if it is not the
    target's; 403 to whoever `can_resolve(comment)` refuses)."""
    comment = get_object_or_404(
        commentable.model._default_manager.select_related(
            f"parent__{commentable.part_field}", commentable.part_field
        ),
        **{commentable.target_field: target},
        pk=comment_pk,
    )
    if not can_resolve(comment):
        raise PermissionDenied
    if resolved:
        first = services.comment_resolve(
            commentable=commentable, comment=comment, user=request.user
        )
        messages.success(request, _("The thread was marked as resolved."))
    else:
        first = services.comment_reopen(commentable=commentable, comment=comment, user=request.user)
        messages.success(request, _("The thread was reopened."))
    return redirect(f"{target.get_absolute_url()}#comment-{first.pk}")


def people(request, commentable: Commentable, target, *, label: Callable[[object], str]):
    """The people a comment on `target` may mention whose names match `?q=`, as JSON for the
    autocomplete; `label(person)` names each one as the list shows them."""
    form = PeopleQueryForm(request.GET)
    if not form.is_valid():
        return JsonResponse(
            {"error": " ".join(str(error) for error in form.errors["q"])}, status=400
        )
    found = commentable.readers(target, form.cleaned_data["q"])[:MENTION_SUGGESTIONS]
    return JsonResponse(
        {
            "people": [
                {
                    "id": person.pk,
                    "name": str(person),
                    "label": label(person),
                    "token": token_for(person),
                }
                for person in found
            ]
        }
    )
