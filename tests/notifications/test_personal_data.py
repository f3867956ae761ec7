"""A person's notifications and settings are their personal data: in the export of their data,
and erased with their account."""

from interventures.notifications.models import Notification, NotificationPreference
from portal.services import account_delete, personal_data_export


def test_the_export_holds_my_notifications_and_settings_and_nobody_elses(owner, colleague):
    Notification.objects.create(
        recipient=owner, kind="report.approved", channel="email", target_repr="Lombardy report"
    )
    Notification.objects.create(
        recipient=colleague, kind="report.approved", channel="email", target_repr="Carlo's"
    )
    NotificationPreference.objects.create(user=owner, kind="report.approved", channel="digest")

    data = personal_data_export(user=owner)

    [mine] = data["notifications"]
    assert (mine["in_words"], mine["about"], mine["read"]) == (
        "A report was approved",
        "Lombardy report",
        None,
    )
    assert data["notification_settings"]["report.approved"] == "digest"


def test_deleting_the_account_erases_its_notifications_and_settings(owner, colleague):
    Notification.objects.create(recipient=owner, kind="report.approved", channel="email")
    Notification.objects.create(
        recipient=colleague, kind="report.approved", channel="email", actor=owner
    )
    NotificationPreference.objects.create(user=owner, kind="report.approved", channel="digest")

    account_delete(user=owner)

    assert not Notification.objects.filter(recipient=owner).exists()
    assert not NotificationPreference.objects.filter(user=owner).exists()
    assert Notification.objects.filter(recipient=colleague).exists()
