"""Reads of comment threads, for any declared target (`declaration.Commentable`). The core
imports no app: who may read what is the caller's (its access module), and so is fetching the
people's organisations for their names."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from .declaration import Commentable
from .models import ThreadComment


@dataclass
class CommentThread:
    """A comment and its replies: resolved, reopened and counted as a whole."""

    first: ThreadComment
    replies: list[ThreadComment] = field(default_factory=list)
    reply_form: Any = None  # the view's form to answer it
    can_resolve: bool = False  # the view's answer for the person reading

    @property
    def comments(self) -> list[ThreadComment]:
        return [self.first, *self.replies]

    @property
    def is_open(self) -> bool:
        return self.first.resolved_at is None

    @property
    def open_count(self) -> int:
        """Its comments while it is open (every one of them is unresolved), else 0."""
        return 1 + len(self.replies) if self.is_open else 0


@dataclass
class CommentGroup:
    """The threads about one part, or (`part` None) about the target as a whole."""

    commentable: Commentable
    part: Any
    threads: list[CommentThread] = field(default_factory=list)
    form: Any = None  # the view's form to start a thread

    @property
    def key(self) -> str:
        """The part as a form posts it ("": the whole target)."""
        return self.commentable.part_key(self.part) if self.part is not None else ""

    @property
    def anchor(self) -> str:
        return f"comments-{self.key}" if self.part is not None else self.commentable.whole_anchor

    @property
    def link(self) -> str:
        return self.commentable.part_link(self.part) if self.part is not None else ""

    @property
    def open_count(self) -> int:
        return sum(thread.open_count for thread in self.threads)


@dataclass(frozen=True)
class TargetComments:
    """A target's threads, grouped: the target as a whole first, then its parts in order."""

    commentable: Commentable
    target: Any
    groups: list[CommentGroup]

    @property
    def open_counts(self) -> dict[int, int]:
        """Unresolved comments per part id (parts without any are left out)."""
        return {
            group.part.pk: group.open_count
            for group in self.groups
            if group.part is not None and group.open_count
        }

    @property
    def open_total(self) -> int:
        return sum(group.open_count for group in self.groups)


def target_comments(
    commentable: Commentable, target, comments: Iterable[ThreadComment]
) -> TargetComments:
    """`comments` (all of the target's, oldest first) as threads grouped by part, the parts
    from `commentable.parts(target)`: no query of its own when both were prefetched."""
    general = CommentGroup(commentable, part=None)
    groups: dict[int | None, CommentGroup] = {None: general}
    groups.update((part.pk, CommentGroup(commentable, part)) for part in commentable.parts(target))
    threads: dict[int, CommentThread] = {}
    for comment in comments:
        if comment.parent_id is None:
            threads[comment.pk] = CommentThread(comment)
            part_id = commentable.part_id_of(comment)
            groups.get(part_id, general).threads.append(threads[comment.pk])
        elif comment.parent_id in threads:
            threads[comment.parent_id].replies.append(comment)
    return TargetComments(commentable, target, list(groups.values()))


def comments_waiting_for(
    commentable: Commentable, user, region_ids: Iterable[int] | None
) -> QuerySet[ThreadComment]:
    """The open threads, in the targets of `region_ids` (None: every region's), that wait for
    `user`: one of their comments mentions the user, or the user took part, and the latest
    word is someone else's. Each thread's first comment with `last_at` and `mentions_me`, most
    recent first, with its target, part and author: one query."""
    model = commentable.model
    in_thread = Q(pk=OuterRef("pk")) | Q(parent_id=OuterRef("pk"))
    thread = model._default_manager.filter(in_thread)
    latest = thread.order_by("-created_at", "-pk")
    threads = model._default_manager.filter(parent__isnull=True, resolved_at__isnull=True)
    if region_ids is not None:
        threads = threads.filter(**{f"{commentable.target_field}__region_id__in": region_ids})
    return (
        threads.annotate(
            mentions_me=Exists(thread.filter(body__contains=f"](user:{user.pk})")),
            took_part=Exists(thread.filter(author=user)),
            last_author_id=Subquery(latest.values("author_id")[:1]),
            last_at=Subquery(latest.values("created_at")[:1]),
        )
        .filter(Q(mentions_me=True) | Q(took_part=True))
        .exclude(last_author_id=user.pk)
        .select_related(commentable.target_field, commentable.part_field, "author")
        .order_by("-last_at", "-pk")
    )


@dataclass(frozen=True)
class WaitingThread:
    """A thread that waits for someone, as their dashboard lists it, whatever its target."""

    first: ThreadComment
    target: Any
    part: Any
    whole: Any  # the words for a thread about the whole target
    last_at: Any
    mentions_me: bool

    @property
    def url(self) -> str:
        return f"{self.target.get_absolute_url()}#comment-{self.first.pk}"


def waiting_threads(commentable: Commentable, threads: Iterable[ThreadComment]) -> list:
    """`comments_waiting_for`'s rows as `WaitingThread`s (no query)."""
    return [
        WaitingThread(
            first=thread,
            target=commentable.target_of(thread),
            part=commentable.part_of(thread),
            whole=commentable.texts.whole,
            last_at=thread.last_at,  # type: ignore[attr-defined]
            mentions_me=thread.mentions_me,  # type: ignore[attr-defined]
        )
        for thread in threads
    ]
