"""The activity log: one entry for each thing that happened to the partnership's shared data.

In the manner of pretix's `LoggedModel.log_action`: the workflow and every service that changes
shared data call `log_action` (services.py beside this module); the app never edits an entry. It
is part of the core package (`interventures`), which imports no app of the project.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .verbs import label_of


class ActivityEntry(models.Model):
    """Who did what (`verb`, e.g. "report.submitted") to which object, when; for a change of
    state, from which state to which; `data` holds the rest (a reason, a name)."""

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    verb = models.CharField(_("what"), max_length=60)
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind of object"),
    )
    # Text, as in Django's admin log: objects with integer and with UUID keys alike.
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    # What the object was called then: the entry stays readable when the object is gone.
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    from_state = models.CharField(_("from"), max_length=30, blank=True)
    to_state = models.CharField(_("to"), max_length=30, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(
                fields=["content_type", "object_id", "created_at"], name="activity_object_idx"
            ),
            models.Index(fields=["verb", "created_at"], name="activity_verb_idx"),
        ]
        verbose_name = _("activity entry")
        verbose_name_plural = _("activity entries")

    def __str__(self) -> str:
        return f"{self.verb} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError("Activity entries are append-only: an entry is never changed.")
        super().save(*args, **kwargs)

    @property
    def reason(self) -> str:
        return self.data.get("reason", "")

    @property
    def details(self) -> str:
        """What else the entry says: the reason given, what was changed (a section), or for a
        security event the address tried and the client's IP address."""
        if "ip" in self.data:  # a security event: which address, from where
            return " · ".join(filter(None, [self.data.get("email", ""), self.data["ip"]]))
        return self.data.get("reason") or self.data.get("detail", "")

    @property
    def target_url(self) -> str:
        """The object's page, when it still exists and has one."""
        page = getattr(self.target, "get_absolute_url", None)
        return page() if page else ""

    @property
    def label(self) -> str:
        """What happened, in words."""
        return label_of(self.verb)
