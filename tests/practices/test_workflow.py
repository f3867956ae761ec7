"""The publication workflow: editors submit, a coordinator publishes or returns with a reason;
every step is logged and the people concerned are emailed."""

import pytest
from django.urls import reverse

from interventures.activity.models import ActivityEntry
from interventures.activity.selectors import entries_for
from practices.models import PracticeStatus
from tests.harness import factories


def post(client, action, practice, data=None):
    return client.post(reverse(f"practices:practice_{action}", args=[practice.slug]), data or {})


@pytest.mark.parametrize("status", ["draft", "returned"])
def test_region_editor_submits_a_practice_and_coordinators_are_emailed(
    status, owner, coordinator, region_a, login, django_capture_on_commit_callbacks, mailoutbox
):
    practice = factories.make_practice(region_a, status=status)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(login(owner), "submit", practice)
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.SUBMITTED
    step = entries_for(practice).get()
    assert (step.actor, step.from_state, step.to_state) == (owner, status, "submitted")
    assert len(mailoutbox) == 1
    assert mailoutbox[0].bcc == [coordinator.email]
    assert practice.title in mailoutbox[0].subject


def test_publishing_first_says_what_will_happen_and_changes_nothing_until_confirmed(
    coordinator, region_a, login
):
    practice = factories.make_practice(region_a, status="submitted")
    client = login(coordinator)

    page = client.get(practice.get_absolute_url()).text
    confirmation = client.get(reverse("practices:practice_publish", args=[practice.slug]))

    assert f'href="{reverse("practices:practice_publish", args=[practice.slug])}"' in page
    assert confirmation.status_code == 200
    assert "The practice becomes public" in confirmation.text
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.SUBMITTED


def test_coordinator_publishes_and_the_owners_editors_are_emailed(
    owner, coordinator, region_a, org_a, login, django_capture_on_commit_callbacks, mailoutbox
):
    practice = factories.make_practice(region_a, status="submitted", owner=org_a)
    with django_capture_on_commit_callbacks(execute=True):
        post(login(coordinator), "publish", practice)
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.PUBLISHED
    assert practice.published_at is not None
    assert entries_for(practice).get().to_state == "published"
    assert [message.bcc for message in mailoutbox] == [[owner.email]]


def test_published_practice_is_public(coordinator, region_a, login):
    practice = factories.make_practice(region_a, status="submitted")
    assert login(None).get(practice.get_absolute_url()).status_code == 404
    post(login(coordinator), "publish", practice)
    assert login(None).get(practice.get_absolute_url()).status_code == 200


def test_coordinator_returns_with_a_reason_and_the_editors_read_it(
    owner, coordinator, region_a, org_a, login, django_capture_on_commit_callbacks, mailoutbox
):
    practice = factories.make_practice(region_a, status="submitted", owner=org_a)
    with django_capture_on_commit_callbacks(execute=True):
        post(login(coordinator), "return", practice, {"return-reason": "Add figures, please."})
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.RETURNED
    assert entries_for(practice).get().reason == "Add figures, please."
    assert mailoutbox[0].bcc == [owner.email]
    assert "Add figures, please." in mailoutbox[0].body
    page = login(owner).get(practice.get_absolute_url()).content.decode()
    assert "Add figures, please." in page


def test_returning_without_a_reason_is_refused_with_a_message(
    coordinator, region_a, login, mailoutbox
):
    practice = factories.make_practice(region_a, status="submitted")
    response = post(login(coordinator), "return", practice, {"return-reason": "  "})
    assert response.status_code == 400
    assert b"Please give a reason" in response.content
    practice.refresh_from_db()
    assert practice.status == PracticeStatus.SUBMITTED
    assert not ActivityEntry.objects.filter(verb__startswith="practice.").exists()
    assert mailoutbox == []


@pytest.mark.parametrize(
    ("role", "action", "status"),
    [
        ("owner", "publish", "submitted"),
        ("colleague", "publish", "submitted"),
        ("owner", "return", "submitted"),
        ("colleague", "submit", "draft"),
        ("coordinator", "submit", "draft"),
    ],
)
def test_roles_that_may_not_take_a_step_get_403(role, action, status, world, login):
    practice = factories.make_practice(world.region_a, status=status)
    response = post(login(getattr(world, role)), action, practice, {"return-reason": "x"})
    assert response.status_code == 403
    practice.refresh_from_db()
    assert practice.status == status


@pytest.mark.parametrize("action", ["submit", "publish", "return"])
def test_another_regions_draft_cannot_be_moved_and_is_not_confirmed(action, outsider, world, login):
    practice = factories.make_practice(world.region_a, status="submitted")
    assert post(login(outsider), action, practice).status_code == 404


@pytest.mark.parametrize(
    ("role", "action", "status"),
    [
        ("owner", "submit", "submitted"),
        ("owner", "submit", "published"),
        ("coordinator", "publish", "draft"),
        ("coordinator", "publish", "published"),
        ("coordinator", "return", "returned"),
    ],
)
def test_a_step_from_the_wrong_state_gets_a_clear_message(role, action, status, world, login):
    practice = factories.make_practice(world.region_a, status=status)
    client = login(getattr(world, role))
    response = post(client, action, practice, {"return-reason": "Because."})
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.status == status
    assert not ActivityEntry.objects.filter(verb__startswith="practice.").exists()
    page = client.get(response["Location"]).content.decode()
    assert "reload the page to see its current state" in page


def test_workflow_buttons_follow_the_role(world, login):
    practice = factories.make_practice(world.region_a, status="draft")
    submit = reverse("practices:practice_submit", args=[practice.slug])
    assert submit in login(world.owner).get(practice.get_absolute_url()).content.decode()
    assert submit not in login(world.colleague).get(practice.get_absolute_url()).content.decode()
    practice.status = PracticeStatus.SUBMITTED
    practice.save()
    publish = reverse("practices:practice_publish", args=[practice.slug])
    assert publish in login(world.coordinator).get(practice.get_absolute_url()).content.decode()
    assert publish not in login(world.owner).get(practice.get_absolute_url()).content.decode()


def test_the_whole_way_to_publication_is_logged(owner, coordinator, region_a, login):
    practice = factories.make_practice(region_a, status="draft")
    post(login(owner), "submit", practice)
    post(login(coordinator), "return", practice, {"return-reason": "More evidence."})
    post(login(owner), "submit", practice)
    post(login(coordinator), "publish", practice)
    steps = list(entries_for(practice).values_list("from_state", "to_state"))
    assert steps == [
        ("draft", "submitted"),
        ("submitted", "returned"),
        ("returned", "submitted"),
        ("submitted", "published"),
    ]
