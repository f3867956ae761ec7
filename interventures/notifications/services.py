"""Telling people what happened: in the portal, by email at once or in a daily digest, as each
chose for each kind (`NotificationPreference`, else the kind's default)."""

from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from interventures.mail import render_subject, send_after_commit, send_in_each_language

from .kinds import KINDS, Channel
from .models import Notification, NotificationPreference, url_in_language
from .selectors import channels_for


def notify(
    *,
    recipients: Iterable,
    kind: str,
    target: models.Model | None = None,
    actor=None,
    url: str = "",
    data: dict | None = None,
    email_templates: str | None = None,
    email_context: dict | None = None,
    email_reply_to: list[str] | None = None,
    email_one_each: bool = False,
) -> list[Notification]:
    """One notification per recipient (never the actor; inactive users skipped), written with
    the change that caused it, so it exists exactly when the change does. Those whose channel
    for `kind` is "email" also get `<email_templates>_subject.txt` and `<email_templates>.txt`,
    rendered with `email_context`, the actor and the portal's address in their language, sent
    by the worker once the change is committed (and retried when the mail server fails); for
    "digest" the daily digest tells them, for "app" only the portal.

    The email goes to each language's recipients in Bcc, replying to `email_reply_to`; with
    `email_one_each`, one message per recipient, addressed to them (`recipient` in the
    context)."""
    if kind not in KINDS:
        raise ValueError(f"Unknown notification kind {kind!r}: add it to KINDS.")
    actor_pk = getattr(actor, "pk", None)
    people = list(
        {user.pk: user for user in recipients if user.is_active and user.pk != actor_pk}.values()
    )
    if not people:
        return []
    channels = channels_for(people, kind)
    emailed = {
        user.pk
        for user in people
        if channels[user.pk] == Channel.EMAIL and email_templates and user.email
    }
    path = url_in_language(url, settings.LANGUAGE_CODE)
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(target) if target is not None else None
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient=user,
            kind=kind,
            channel=channels[user.pk],
            actor=actor if actor_pk is not None else None,
            content_type=content_type,
            object_id=str(target.pk) if target is not None else "",
            target_repr=str(target)[:200] if target is not None else "",
            url=path,
            data=data or {},
            created_at=now,
            emailed_at=now if user.pk in emailed else None,
        )
        for user in people
    )
    if email_templates and emailed:
        _email(
            [user for user in people if user.pk in emailed],
            templates=email_templates,
            context={**(email_context or {}), "actor": actor, "site_url": settings.SITE_URL},
            reply_to=email_reply_to or [],
            one_each=email_one_each,
        )
    return notifications


def _email(users: list, *, templates: str, context: dict, reply_to: list[str], one_each: bool):
    if one_each:
        for user in users:
            with translation.override(user.language or settings.LANGUAGE_CODE):
                personal = {**context, "recipient": user}
                message = EmailMessage(
                    subject=render_subject(f"{templates}_subject.txt", personal),
                    body=render_to_string(f"{templates}.txt", personal),
                    to=[user.email],
                    reply_to=reply_to,
                )
            send_after_commit(message)
        return

    def build(addresses):
        return EmailMessage(
            subject=render_subject(f"{templates}_subject.txt", context),
            body=render_to_string(f"{templates}.txt", context),
            bcc=addresses,
            reply_to=reply_to,
        )

    send_in_each_language(users, build)


def notification_open(*, notification: Notification) -> str:
    """Mark `notification` read (the first time it is opened); returns where it leads."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification.url


def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of `user` read; returns how many there were."""
    return Notification.objects.filter(recipient=user, read_at=None).update(read_at=timezone.now())


@transaction.atomic
def preferences_save(*, user, channels: dict[str, str]) -> None:
    """Store `user`'s channel per kind; a kind set back to its default keeps no row."""
    for kind, channel in channels.items():
        if channel == KINDS[kind].default_channel:
            NotificationPreference.objects.filter(user=user, kind=kind).delete()
        else:
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"channel": channel}
            )


def digests_send() -> int:
    """Email each person, in their language, their unread notifications kept for the daily
    digest; each notification goes in one digest at most (`digested_at`, set under a row lock,
    so two runs at once do not both send it). Nobody with nothing to read gets an email.
    Returns how many digests were queued for the worker."""
    pending = Notification.objects.filter(
        channel=Channel.DIGEST, digested_at=None, read_at=None, recipient__is_active=True
    ).exclude(recipient__email="")
    sent = 0
    for user in get_user_model().objects.filter(pk__in=pending.values("recipient")):
        with transaction.atomic():
            pks = list(
                pending.filter(recipient=user)
                .select_for_update(of=("self",))
                .values_list("pk", flat=True)
            )
            if not pks:
                continue
            Notification.objects.filter(pk__in=pks).update(digested_at=timezone.now())
            _email_digest(
                user, list(Notification.objects.filter(pk__in=pks).order_by("created_at", "pk"))
            )
        sent += 1
    return sent


def _email_digest(user, notifications: list[Notification]) -> None:
    language = user.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "recipient": user,
            "notifications": [
                (notification, notification.link_in(language)) for notification in notifications
            ],
            "centre_url": reverse("notifications:notification_list"),
            "settings_url": reverse("notifications:preferences"),
            "site_url": settings.SITE_URL,
        }
        message = EmailMessage(
            subject=render_subject("notifications/email/digest_subject.txt", context),
            body=render_to_string("notifications/email/digest.txt", context),
            to=[user.email],
        )
    send_after_commit(message)


def personal_data_erase(*, user) -> None:
    """Erase what the notifications app holds about `user` (portal.services.account_delete):
    their notifications and settings. Those they caused for others stay, naming them as every
    page names a deleted account."""
    Notification.objects.filter(recipient=user).delete()
    NotificationPreference.objects.filter(user=user).delete()
