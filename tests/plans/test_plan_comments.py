"""Comments on action plans: threads per action and for the whole plan, answers, @mentions and
their notifications, resolving; the region's partners and the coordinators only (the same
implementation as a report's comments, `interventures.comments`)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from interventures.comments.mentions import token_for
from interventures.comments.services import comment_add
from interventures.notifications.models import Notification, NotificationPreference
from plans.comments import PLAN_COMMENTS
from plans.models import PlanComment
from portal.selectors import comments_waiting_for, personal_data_of
from portal.services import account_delete
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow


@pytest.fixture
def plan_a(region_a):
    return factories.make_plan(region_a, actions=2)


def detail_url(plan):
    return reverse("plans:plan_detail", kwargs={"pk": plan.pk})


def post_comment(client, plan, body, action="", **fields):
    url = reverse("plans:plan_comment_add", kwargs={"pk": plan.pk})
    return client.post(url, {"body": body, "action": action, **fields})


def thread_step(client, plan, comment, step):
    url = reverse(f"plans:plan_comment_{step}", kwargs={"pk": plan.pk, "comment_pk": comment.pk})
    return client.post(url)


def told(kind):
    return {notification.recipient for notification in Notification.objects.filter(kind=kind)}


def start_thread(plan, author, body="Which budget line pays for this?", action=None):
    return comment_add(
        commentable=PLAN_COMMENTS, target=plan, author=author, body=body, part=action
    )


def test_a_partner_starts_a_thread_on_an_action_and_it_is_shown_under_it(login, plan_a, colleague):
    action = plan_a.actions.first()

    response = post_comment(
        login(colleague), plan_a, "Which budget line pays for this?", f"action-{action.pk}"
    )

    comment = PlanComment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"{detail_url(plan_a)}#comment-{comment.pk}")
    assert (comment.plan, comment.action, comment.author) == (plan_a, action, colleague)
    page = login(colleague).get(detail_url(plan_a)).text
    group = page.split(f'id="comments-action-{action.pk}"')[1].split('class="comment-group"')[0]
    assert f'href="#action-{action.pk}">{action.title}</a>' in group
    assert "Which budget line pays for this?" in group
    assert "1 open comment" in page.split(f'id="action-{action.pk}"')[1]


def test_a_comment_on_the_whole_plan_is_in_the_general_thread(login, plan_a, coordinator):
    post_comment(login(coordinator), plan_a, "The plan reads well.")

    page = login(coordinator).get(detail_url(plan_a)).text
    general = page.split('id="comments-plan"')[1].split('class="comment-group"')[0]
    assert PlanComment.objects.get().action is None
    assert "The whole action plan" in general
    assert "The plan reads well." in general


def test_an_answer_with_a_mention_tells_the_mentioned_colleague_and_the_thread_starter(
    login, plan_a, owner, colleague, coordinator, django_capture_on_commit_callbacks
):
    action = plan_a.actions.first()
    NotificationPreference.objects.create(user=colleague, kind="comment.mention", channel="email")
    first = start_thread(plan_a, coordinator, action=action)

    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(
            login(owner), plan_a, f"{token_for(colleague)} knows the figures.", parent=first.pk
        )

    reply = PlanComment.objects.exclude(pk=first.pk).get()
    assert response.status_code == 302
    assert (reply.parent, reply.action) == (first, action)
    assert told("comment.mention") == {colleague}
    assert told("comment.reply") == {coordinator}
    assert owner not in told("comment.mention") | told("comment.reply")
    [email] = mail.outbox
    assert email.bcc == [colleague.email]
    assert plan_a.title in email.subject
    assert f"the action plan “{plan_a.title}”" in email.body
    assert f"Action: {action.title}" in email.body
    assert f"{detail_url(plan_a)}#comment-{reply.pk}" in email.body


def test_nobody_is_told_of_their_own_comment(login, plan_a, owner):
    post_comment(login(owner), plan_a, f"Note to self, {token_for(owner)}.")

    assert not Notification.objects.exists()


def test_a_visitor_sees_no_comment_on_an_approved_plan_and_none_is_read(
    client, region_a, coordinator
):
    plan = factories.make_plan(region_a, status="approved")
    start_thread(plan, coordinator, body="An internal remark.")

    page = client.get(detail_url(plan)).text

    assert "An internal remark." not in page
    assert 'id="comments"' not in page
    assert "Comment on this action" not in page
    with CaptureQueriesContext(connection) as context:
        client.get(detail_url(plan))
    assert context.captured_queries
    assert not [query for query in context.captured_queries if "plans_plancomment" in query["sql"]]


def test_an_outsider_cannot_post_a_comment_on_another_regions_plan(login, plan_a, outsider):
    response = post_comment(login(outsider), plan_a, "Let me in.")

    assert response.status_code == 404
    assert not PlanComment.objects.exists()


def test_a_stakeholder_cannot_comment_on_an_approved_plan(login, region_a, stakeholder):
    plan = factories.make_plan(region_a, status="approved")

    response = post_comment(login(stakeholder), plan, "Nice plan.")

    assert response.status_code == 403
    assert not PlanComment.objects.exists()


def test_only_the_thread_starter_or_a_coordinator_resolves_it(
    login, plan_a, owner, colleague, coordinator
):
    first = start_thread(plan_a, colleague)

    assert thread_step(login(owner), plan_a, first, "resolve").status_code == 403
    first.refresh_from_db()
    assert first.resolved_at is None

    assert thread_step(login(colleague), plan_a, first, "resolve").status_code == 302
    first.refresh_from_db()
    assert first.resolved_by == colleague

    assert thread_step(login(coordinator), plan_a, first, "reopen").status_code == 302
    first.refresh_from_db()
    assert first.resolved_at is None


def test_an_empty_comment_is_refused_with_a_message_and_nothing_saved(login, plan_a, owner):
    response = post_comment(login(owner), plan_a, "   ")

    assert response.status_code == 400
    assert "Write your comment." in response.text
    assert not PlanComment.objects.exists()


def test_a_part_that_is_not_one_of_the_plans_actions_is_refused(login, plan_a, region_a, owner):
    other = factories.make_plan(region_a, instrument=factories.make_instrument(region_a))

    response = post_comment(
        login(owner), plan_a, "Wrong place.", f"action-{other.actions.get().pk}"
    )

    assert response.status_code == 400
    assert "This action is not one of the plan&#x27;s" in response.text
    assert not PlanComment.objects.exists()


def test_mentioning_someone_who_cannot_see_the_plan_is_refused_and_the_text_kept(
    login, plan_a, owner, outsider
):
    response = post_comment(login(owner), plan_a, f"Ask {token_for(outsider)} please.")

    assert response.status_code == 400
    assert "cannot be mentioned" in response.text
    assert "Ask @[" in response.text
    assert not PlanComment.objects.exists()


def test_the_autocomplete_offers_the_plans_readers_only(login, plan_a, owner, colleague, outsider):
    url = reverse("plans:plan_comment_people", kwargs={"pk": plan_a.pk})

    people = login(owner).get(url, {"q": ""}).json()["people"]

    ids = {person["id"] for person in people}
    assert colleague.pk in ids
    assert outsider.pk not in ids
    assert login(outsider).get(url).status_code == 404


def test_the_plan_page_queries_do_not_grow_with_threads(login, plan_a, owner, colleague):
    action = plan_a.actions.first()

    def more_threads(count):
        for number in range(count):
            first = start_thread(
                plan_a, colleague, body=f"Question {number}", action=action if number % 2 else None
            )
            comment_add(
                commentable=PLAN_COMMENTS,
                target=plan_a,
                author=owner,
                body=f"{token_for(colleague)} answer {number}",
                parent=first,
            )

    assert_queries_do_not_grow(login(owner), detail_url(plan_a), more_threads, few=1, many=10)


def test_a_plan_thread_waits_for_its_starter_on_the_dashboard(login, plan_a, owner, colleague):
    first = start_thread(plan_a, colleague, action=plan_a.actions.first())
    comment_add(
        commentable=PLAN_COMMENTS, target=plan_a, author=owner, body="Line 4.", parent=first
    )

    [waiting] = comments_waiting_for(colleague)
    assert (waiting.first, waiting.target) == (first, plan_a)
    page = login(colleague).get(reverse("dashboard")).text
    assert f"{detail_url(plan_a)}#comment-{first.pk}" in page


def test_a_persons_plan_comments_are_exported_and_stay_attributed_after_deletion(plan_a, colleague):
    start_thread(plan_a, colleague, body="My own words.", action=plan_a.actions.first())

    exported = personal_data_of(colleague)["plan_comments"]
    assert [(row["plan"], row["text"]) for row in exported] == [(plan_a.title, "My own words.")]

    account_delete(user=colleague)

    assert PlanComment.objects.get().author_id == colleague.pk
