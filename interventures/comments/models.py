"""The fields every comment thread shares, whatever it is about (a report, an action plan)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .mentions import as_plain_text

MAX_COMMENT_CHARS = 5000
MAX_QUOTE_CHARS = 500


class ThreadComment(models.Model):
    """A comment on a target (or one of its parts); with `parent` a reply in its thread. Each
    app's concrete model adds the foreign keys to its target and part
    (`interventures.comments.declaration.Commentable` names them)."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("author"),
    )
    # A reply belongs to a thread's first comment (one level deep): the thread is resolved,
    # reopened and counted as a whole.
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    quote = models.TextField(_("quoted passage"), max_length=MAX_QUOTE_CHARS, blank=True)
    body = models.TextField(_("comment"), max_length=MAX_COMMENT_CHARS)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    parent_id: int | None  # the column of `parent`, declared for the type checker

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def __str__(self):
        return as_plain_text(self.body)[:60]
