"""What a person is told about (`Notification`) and how they want to be told
(`NotificationPreference`). Written by `services.notify`; read in the notification centre."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .kinds import Channel, label_of


class Notification(models.Model):
    """One thing that happened (`kind`, e.g. "report.submitted"), told to one person; `url` is
    where they act on it, `data` holds the rest (a reason)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    # How it was told, chosen when it was made: a later change of preference does not send it
    # a second time.
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind of object"),
    )
    # Text, as in the activity log: objects with integer and with UUID keys alike.
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    # What the object was called then: the list reads no object per row.
    target_repr = models.CharField(_("about"), max_length=200, blank=True)
    # In the default language; each person follows it in theirs (`link_in`).
    url = models.CharField(_("link"), max_length=500, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("emailed"), null=True, blank=True)
    digested_at = models.DateTimeField(_("sent in a digest"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient_idx"),
            models.Index(
                fields=["recipient", "created_at"],
                condition=Q(read_at=None),
                name="notification_unread_idx",
            ),
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return f"{self.kind} {self.target_repr}"

    @property
    def label(self) -> str:
        return str(label_of(self.kind))

    @property
    def reason(self) -> str:
        return self.data.get("reason", "")

    def link_in(self, language: str) -> str:
        return url_in_language(self.url, language)


class NotificationPreference(models.Model):
    """How `user` wants to hear of `kind`; without a row, the kind's default channel."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=60)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_once")
        ]
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return f"{self.kind}: {self.channel}"


def url_in_language(url: str, language: str) -> str:
    """`url` (a path of the portal, in whichever language) in `language`; unchanged when it
    is not one of the portal's translated paths."""
    if not url:
        return ""
    with translation.override(translation.get_language_from_path(url) or settings.LANGUAGE_CODE):
        return translate_url(url, language)
