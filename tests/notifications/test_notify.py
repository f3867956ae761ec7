"""`notify`: one notification per recipient, never for the one who acted, told through the
channel each person chose for the kind (email at once, the daily digest, or the portal only)."""

import pytest
from django.db import transaction

from interventures.notifications.models import Notification, NotificationPreference
from interventures.notifications.services import notify
from tests.harness import factories


@pytest.fixture
def practice(region_a, org_a):
    return factories.make_practice(region_a, status="submitted", owner=org_a)


def tell(recipients, practice, *, actor=None, kind="practice.returned", **extra):
    return notify(
        recipients=recipients,
        kind=kind,
        target=practice,
        actor=actor,
        url=practice.get_absolute_url(),
        data={"reason": "Add figures, please."},
        email_templates="practices/email/transition",
        email_context={"practice": practice, "action": "return", "reason": "Add figures, please."},
        **extra,
    )


def test_each_recipient_gets_a_notification_but_not_the_one_who_acted(
    owner, colleague, coordinator, practice
):
    tell([owner, colleague, coordinator], practice, actor=coordinator)

    told = Notification.objects.order_by("recipient__email")
    assert [n.recipient for n in told] == [colleague, owner]
    assert {n.actor for n in told} == {coordinator}
    assert {n.target for n in told} == {practice}
    assert {n.target_repr for n in told} == {practice.title}
    assert {n.reason for n in told} == {"Add figures, please."}
    assert {n.read_at for n in told} == {None}


def test_inactive_people_and_duplicates_are_not_told_twice_or_at_all(owner, colleague, practice):
    colleague.is_active = False
    colleague.save()

    tell([owner, owner, colleague], practice)

    assert [n.recipient for n in Notification.objects.all()] == [owner]


def test_an_unknown_kind_is_a_programming_error(owner, practice):
    with pytest.raises(ValueError, match="Unknown notification kind"):
        notify(recipients=[owner], kind="report.eaten")


def test_by_default_a_workflow_step_is_emailed_at_once_after_the_commit(
    owner, practice, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tell([owner], practice)
        assert mailoutbox == []

    [message] = mailoutbox
    assert message.bcc == [owner.email]
    assert "Add figures, please." in message.body
    assert Notification.objects.get().emailed_at is not None


@pytest.mark.parametrize("channel", ["digest", "app"])
def test_who_chose_the_digest_or_the_portal_gets_no_email_now(
    channel, owner, colleague, practice, mailoutbox, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=owner, kind="practice.returned", channel=channel)
    with django_capture_on_commit_callbacks(execute=True):
        tell([owner, colleague], practice)

    assert [message.bcc for message in mailoutbox] == [[colleague.email]]
    mine = Notification.objects.get(recipient=owner)
    assert (mine.channel, mine.emailed_at) == (channel, None)


def test_a_kind_whose_default_is_the_portal_sends_no_email(
    owner, coordinator, practice, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[owner], kind="invitation.accepted", actor=coordinator)

    assert mailoutbox == []
    assert Notification.objects.get().channel == "app"


def test_each_recipient_reads_the_email_in_their_language(
    owner, colleague, practice, mailoutbox, django_capture_on_commit_callbacks
):
    colleague.language = "it"
    colleague.save()
    with django_capture_on_commit_callbacks(execute=True):
        tell([owner, colleague], practice)

    by_address = {message.bcc[0]: message for message in mailoutbox}
    assert by_address[owner.email].subject.startswith("[INTER VENTURES]")
    assert by_address[colleague.email].body != by_address[owner.email].body


def test_one_message_each_is_addressed_to_the_person_with_the_reply_address(
    owner, colleague, practice, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        tell([owner, colleague], practice, email_one_each=True, email_reply_to=["a@example.org"])

    assert sorted(message.to for message in mailoutbox) == [[colleague.email], [owner.email]]
    assert {tuple(message.reply_to) for message in mailoutbox} == {("a@example.org",)}


def test_nothing_is_told_when_the_change_is_rolled_back(
    owner, practice, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        tell([owner], practice)
        transaction.set_rollback(True)

    assert not Notification.objects.exists()
    assert mailoutbox == []
