"""Review comments that work like a review: threads per section with replies, the passage a
comment is about, resolving and reopening by the thread's author or a coordinator, open counts
next to each section, and @mentions (autocomplete and notifications), private to the region's
partners and the coordinators."""

import json

import pytest
from django.core import mail
from django.urls import reverse

from interventures.comments.mentions import token_for
from interventures.notifications.models import Notification, NotificationPreference
from reports.models import ReviewComment
from reports.services import comment_add, comment_resolve
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow


def detail_url(report):
    return reverse("reports:report_detail", kwargs={"pk": report.pk})


def people_url(report):
    return reverse("reports:comment_people", kwargs={"pk": report.pk})


def post_comment(client, report, body, section="", **fields):
    url = reverse("reports:comment_add", kwargs={"pk": report.pk})
    return client.post(url, {"body": body, "section": section, **fields})


def thread_step(client, report, comment, step):
    url = reverse(f"reports:comment_{step}", kwargs={"pk": report.pk, "comment_pk": comment.pk})
    return client.post(url, follow=True)


def comments_area(page: str) -> str:
    return page.split('id="comments-title"')[1]


def told(kind):
    return {notification.recipient for notification in Notification.objects.filter(kind=kind)}


@pytest.fixture
def finding(report_a, coordinator):
    """The coordinator's finding on the Opportunities section."""
    section = report_a.sections.get(key="opportunities")
    return comment_add(
        report=report_a,
        author=coordinator,
        body="Which year are these figures from?",
        section=section,
    )


# --- threads and replies -------------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator"])
def test_the_regions_partners_and_coordinators_start_a_thread_on_a_section(
    login, user_of_role, report_a, role
):
    response = post_comment(
        login(user_of_role(role)), report_a, "Which year is this?", "opportunities"
    )

    new = ReviewComment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{new.pk}")
    assert (new.author, new.section.key, new.body, new.parent) == (
        user_of_role(role),
        "opportunities",
        "Which year is this?",
        None,
    )


def test_a_thread_is_shown_under_its_sections_heading_with_its_author(login, report_a, colleague):
    post_comment(login(colleague), report_a, "Which year is this?", "opportunities")

    area = comments_area(login(colleague).get(detail_url(report_a)).text)
    group = area.split('id="comments-opportunities"')[1].split('class="comment-group"')[0]

    assert 'href="#section-opportunities">Opportunities</a>' in group
    assert "Which year is this?" in group
    assert "Carlo (Lombardy Chamber of Commerce)" in group


def test_a_comment_on_the_whole_report_is_in_the_general_thread(login, report_a, colleague):
    post_comment(login(colleague), report_a, "The summary is convincing.")

    area = comments_area(login(colleague).get(detail_url(report_a)).text)
    general = area.split('id="comments-report"')[1].split('class="comment-group"')[0]

    assert ReviewComment.objects.get().section is None
    assert "The whole report" in general
    assert "The summary is convincing." in general


def test_an_answer_joins_the_thread_and_is_shown_under_its_first_comment(
    login, report_a, owner, finding
):
    response = post_comment(login(owner), report_a, "From 2019, ISTAT.", parent=finding.pk)

    reply = ReviewComment.objects.exclude(pk=finding.pk).get()
    assert response["Location"].endswith(f"#comment-{reply.pk}")
    assert (reply.parent, reply.section) == (finding, finding.section)
    page = login(owner).get(detail_url(report_a)).text
    thread = page.split(f'id="comment-{finding.pk}"')[1].split('class="comment-thread')[0]
    assert f'id="comment-{reply.pk}" class="comment is-reply"' in thread
    assert "From 2019, ISTAT." in thread


def test_an_answer_to_an_answer_stays_one_level_deep(login, report_a, owner, colleague, finding):
    post_comment(login(owner), report_a, "From 2019.", parent=finding.pk)
    first_reply = ReviewComment.objects.get(body="From 2019.")

    post_comment(login(colleague), report_a, "ISTAT, to be precise.", parent=first_reply.pk)

    assert ReviewComment.objects.get(body="ISTAT, to be precise.").parent == finding


def test_each_open_thread_has_its_answer_form_without_javascript(login, report_a, owner, finding):
    page = login(owner).get(detail_url(report_a)).text

    assert f'name="parent" value="{finding.pk}"' in page
    assert f'id="id_reply-{finding.pk}_body"' in page


# --- the quoted passage --------------------------------------------------------------------


def test_a_comment_quotes_the_passage_it_is_about(login, report_a, coordinator):
    post_comment(
        login(coordinator),
        report_a,
        "Source?",
        "opportunities",
        quote="  Few exporters <b>in the border area</b>  ",
    )

    assert ReviewComment.objects.get().quote == "Few exporters <b>in the border area</b>"
    area = comments_area(login(coordinator).get(detail_url(report_a)).text)
    assert (
        '<blockquote class="comment-quote" lang="en">'
        "Few exporters &lt;b&gt;in the border area&lt;/b&gt;</blockquote>"
    ) in area


def test_each_sections_form_has_a_quote_field_and_the_script_that_fills_it(login, report_a, owner):
    page = login(owner).get(detail_url(report_a)).text

    form = page.split('id="comment-form-comments-opportunities"')[1].split("</form>")[0]
    assert 'name="quote"' in form
    assert "data-quote" in form
    assert 'name="section" value="opportunities"' in form
    assert "/static/js/comments.js" in page
    assert 'data-quote-label="Comment on this"' in page


def test_a_quote_longer_than_500_characters_is_refused_and_the_text_kept(
    login, report_a, coordinator
):
    response = post_comment(
        login(coordinator), report_a, "My remark stays.", "opportunities", quote="x" * 501
    )

    assert response.status_code == 400
    assert "The passage is too long: quote at most 500 characters (it has 501)." in response.text
    assert "My remark stays." in response.text
    assert not ReviewComment.objects.exists()


# --- resolving and reopening ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("coordinator", 200),  # not the author: a coordinator closes any finding
        ("colleague", 403),
        ("owner", 403),
        ("outsider", 404),
        ("stakeholder", 404),
    ],
)
def test_only_the_threads_author_or_a_coordinator_resolves_it(
    login, user_of_role, report_a, finding, role, status
):
    response = thread_step(login(user_of_role(role)), report_a, finding, "resolve")

    finding.refresh_from_db()
    assert response.status_code == status
    assert (finding.resolved_at is not None) == (status == 200)


def test_the_author_of_a_thread_resolves_it_and_the_whole_thread_is_resolved(
    login, report_a, owner, colleague
):
    post_comment(login(colleague), report_a, "Please cite the source.", "opportunities")
    first = ReviewComment.objects.get()
    post_comment(login(owner), report_a, "Done.", parent=first.pk)

    response = thread_step(login(colleague), report_a, first, "resolve")

    assert "The thread was marked as resolved." in response.text
    assert set(ReviewComment.objects.values_list("resolved_by", flat=True)) == {colleague.pk}
    assert 'class="comment-thread is-resolved"' in response.text
    assert "Reopen the thread" in response.text


def test_a_partner_who_did_not_start_the_thread_is_not_offered_to_resolve_it(
    login, report_a, owner, finding
):
    page = login(owner).get(detail_url(report_a)).text

    assert "Resolve the thread" not in page
    assert "Answer" in page


@pytest.mark.parametrize(("role", "status"), [("coordinator", 200), ("owner", 403)])
def test_a_resolved_thread_is_reopened_by_its_author_or_a_coordinator_only(
    login, user_of_role, report_a, finding, coordinator, role, status
):
    comment_resolve(comment=finding, user=coordinator)

    response = thread_step(login(user_of_role(role)), report_a, finding, "reopen")

    finding.refresh_from_db()
    assert response.status_code == status
    assert (finding.resolved_at is None) == (status == 200)


def test_a_resolved_thread_cannot_be_answered_until_reopened(
    login, report_a, owner, coordinator, finding
):
    comment_resolve(comment=finding, user=coordinator)

    response = post_comment(login(owner), report_a, "One more thing.", parent=finding.pk)

    assert response.status_code == 400
    assert "This thread is resolved: reopen it to answer." in response.text
    assert "One more thing." in response.text
    assert ReviewComment.objects.count() == 1


def test_resolving_and_reopening_are_in_the_reports_activity(login, report_a, coordinator, finding):
    client = login(coordinator)
    thread_step(client, report_a, finding, "resolve")
    page = thread_step(client, report_a, finding, "reopen").text

    assert "Comment thread resolved" in page
    assert "Comment thread reopened" in page


# --- open counts ---------------------------------------------------------------------------


def test_open_comments_are_counted_next_to_the_section_heading_and_in_the_contents(
    login, report_a, owner, coordinator, finding
):
    comment_add(report=report_a, author=owner, body="From 2019.", parent=finding)
    settled = comment_add(
        report=report_a, author=coordinator, body="Fine now.", section=finding.section
    )
    comment_resolve(comment=settled, user=coordinator)
    comment_add(report=report_a, author=coordinator, body="About the whole report.")

    page = login(owner).get(detail_url(report_a)).text

    heading = page.split('id="title-opportunities"')[1].split("</div>")[0]
    contents = page.split('class="toc"')[1].split("</ol>")[0]
    assert 'href="#comments-opportunities">2 open comments</a>' in heading
    assert 'href="#comments-opportunities">2 open comments</a>' in contents
    assert "open comment" not in page.split('id="title-swot"')[1].split("</div>")[0]
    assert "3 open comments" in comments_area(page)


def test_the_report_page_queries_do_not_grow_with_threads_replies_and_mentions(
    login, report_a, owner, colleague, coordinator
):
    sections = list(report_a.sections.all())

    def make_comments(count):
        for number in range(count):
            first = comment_add(
                report=report_a,
                author=coordinator if number % 2 else colleague,
                body=f"Finding {number} for {token_for(owner)}",
                section=sections[number % len(sections)] if number % 3 else None,
                quote=f"Passage {number}",
            )
            comment_add(report=report_a, author=owner, body=f"Answer {number}", parent=first)
            if number % 4 == 0:
                comment_resolve(comment=first, user=first.author)

    assert_queries_do_not_grow(login(owner), detail_url(report_a), make_comments)


# --- mentions: the autocomplete ------------------------------------------------------------


def test_the_autocomplete_offers_the_people_who_can_see_the_report(
    login, report_a, owner, colleague, outsider, coordinator
):
    coordinator.first_name, coordinator.last_name = "Cora", "Ordinator"
    coordinator.save()

    everyone = login(owner).get(people_url(report_a))
    answer = json.loads(login(owner).get(people_url(report_a), {"q": "ol ow"}).content)

    names = [person["name"] for person in json.loads(everyone.content)["people"]]
    assert everyone["Content-Type"] == "application/json"
    assert set(names) == {"Olivia Owner", "Carlo", "Cora Ordinator"}
    assert answer == {
        "people": [
            {
                "id": owner.pk,
                "name": "Olivia Owner",
                "label": "Olivia Owner (Lombardy Chamber of Commerce)",
                "token": f"@[Olivia Owner](user:{owner.pk})",
            }
        ]
    }
    assert "@lombardy.example" not in everyone.text


@pytest.mark.parametrize(("role", "status"), [("outsider", 404), ("stakeholder", 404)])
def test_the_autocomplete_answers_nobody_else(login, user_of_role, report_a, role, status):
    assert login(user_of_role(role)).get(people_url(report_a), {"q": "ol"}).status_code == status


def test_the_autocomplete_of_a_public_report_stays_with_its_partners(
    login, approved_report_b, stakeholder, outsider
):
    assert login(stakeholder).get(people_url(approved_report_b)).status_code == 404
    assert login(outsider).get(people_url(approved_report_b)).status_code == 200


def test_the_autocomplete_refuses_a_long_query_with_a_message(login, report_a, owner):
    response = login(owner).get(people_url(report_a), {"q": "x" * 101})

    assert response.status_code == 400
    assert json.loads(response.content) == {"error": "Type at most 100 characters of a name."}


# --- mentions: saving and notifying --------------------------------------------------------


def test_a_mention_is_shown_as_the_name_and_tells_the_person_mentioned(
    login, report_a, owner, colleague, coordinator
):
    post_comment(
        login(coordinator), report_a, f"{token_for(colleague)} can you check?", "opportunities"
    )

    page = login(owner).get(detail_url(report_a)).text
    assert '<span class="mention">@Carlo</span> can you check?' in page
    assert "(user:" not in comments_area(page)
    assert told("comment.mention") == {colleague}
    notification = Notification.objects.get(kind="comment.mention")
    comment = ReviewComment.objects.get()
    assert notification.actor == coordinator
    assert notification.url == f"{detail_url(report_a)}#comment-{comment.pk}"
    assert notification.data["excerpt"] == "@Carlo can you check?"


def test_a_full_name_typed_without_the_autocomplete_is_a_mention(
    login, report_a, owner, colleague, coordinator
):
    post_comment(login(colleague), report_a, "@olivia owner, please add the source.")

    assert ReviewComment.objects.get().body == (
        f"@[Olivia Owner](user:{owner.pk}), please add the source."
    )
    assert told("comment.mention") == {owner}


def test_a_mention_token_is_renamed_to_the_person_it_points_at(login, report_a, owner, colleague):
    post_comment(login(colleague), report_a, f"@[The Director](user:{owner.pk}) see this")

    assert ReviewComment.objects.get().body == f"@[Olivia Owner](user:{owner.pk}) see this"


@pytest.mark.parametrize("who", ["outsider", "nobody"])
def test_a_mention_of_someone_who_cannot_see_the_report_is_refused_and_the_text_kept(
    login, report_a, owner, outsider, who
):
    pk = outsider.pk if who == "outsider" else 999_999
    response = post_comment(
        login(owner), report_a, f"Ask @[Ona](user:{pk}) about it.", "opportunities"
    )

    assert response.status_code == 400
    assert (
        "@Ona cannot be mentioned: only the region&#x27;s partners and the coordinators can see "
        "this report."
    ) in response.text
    assert f"Ask @[Ona](user:{pk}) about it.</textarea>" in response.text
    assert not ReviewComment.objects.exists()
    assert not Notification.objects.exists()


def test_an_answer_tells_the_threads_other_participants_only(
    login, report_a, owner, colleague, coordinator, outsider, finding
):
    comment_add(report=report_a, author=colleague, body="I think 2019.", parent=finding)
    Notification.objects.all().delete()

    post_comment(login(owner), report_a, "It is 2019, fixed.", parent=finding.pk)

    assert told("comment.reply") == {coordinator, colleague}
    assert not Notification.objects.filter(recipient__in=[owner, outsider]).exists()


def test_a_mentioned_participant_is_told_once_of_the_mention(
    login, report_a, owner, colleague, coordinator, finding
):
    comment_add(report=report_a, author=colleague, body="I think 2019.", parent=finding)
    Notification.objects.all().delete()

    post_comment(login(owner), report_a, f"{token_for(colleague)} right.", parent=finding.pk)

    assert told("comment.mention") == {colleague}
    assert told("comment.reply") == {coordinator}


def test_comment_notifications_go_to_the_daily_digest_by_default(
    login, report_a, owner, colleague, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(login(colleague), report_a, f"{token_for(owner)} see this")

    assert Notification.objects.get(kind="comment.mention").channel == "digest"
    assert mail.outbox == []


def test_who_chose_email_gets_the_mention_by_email_with_names_not_tokens(
    login, report_a, owner, colleague, django_capture_on_commit_callbacks
):
    NotificationPreference.objects.create(user=owner, kind="comment.mention", channel="email")

    with django_capture_on_commit_callbacks(execute=True):
        post_comment(
            login(colleague),
            report_a,
            f"{token_for(owner)} which year?",
            "opportunities",
            quote="Few exporters",
        )

    (message,) = mail.outbox
    comment = ReviewComment.objects.get()
    assert message.bcc == [owner.email]
    assert message.subject == "[INTER VENTURES] You were mentioned in a comment: Lombardy report"
    assert "Carlo (Lombardy Chamber of Commerce) mentioned you in a comment" in message.body
    assert "Section: Opportunities" in message.body
    assert "“Few exporters”" in message.body
    assert "@Olivia Owner which year?" in message.body
    assert f"{detail_url(report_a)}#comment-{comment.pk}" in message.body
    assert "(user:" not in message.body


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("   ", "Write your comment."),
        ("y" * 5001, "The comment is too long: at most 5000 characters are allowed (it has 5001)."),
    ],
)
def test_an_empty_or_too_long_comment_is_refused_with_a_message(
    login, report_a, colleague, body, message
):
    response = post_comment(login(colleague), report_a, body, "opportunities", quote="Kept quote")

    assert response.status_code == 400
    assert message in response.text
    assert "Kept quote</textarea>" in response.text
    assert not ReviewComment.objects.exists()


def test_an_answer_to_a_comment_of_another_report_is_refused_and_the_text_kept(
    login, report_a, region_a, owner, coordinator
):
    other = factories.make_report(region_a, title="Another report")
    elsewhere = comment_add(report=other, author=coordinator, body="Elsewhere.")

    response = post_comment(login(owner), report_a, "My careful answer.", parent=elsewhere.pk)

    assert response.status_code == 400
    assert "You can only answer a comment on this report" in response.text
    assert "My careful answer.</textarea>" in response.text
    assert ReviewComment.objects.count() == 1


def test_a_comment_about_an_unknown_section_is_refused_with_a_message(login, report_a, owner):
    response = post_comment(login(owner), report_a, "Hello", "no-such-section")

    assert response.status_code == 400
    assert "This section is not one of the report" in response.text
    assert not ReviewComment.objects.exists()


# --- privacy -------------------------------------------------------------------------------


def test_another_regions_editor_cannot_comment_on_a_draft(login, report_a, outsider):
    response = post_comment(login(outsider), report_a, "Hello from Klaipėda")

    assert response.status_code == 404
    assert not ReviewComment.objects.exists()


def test_a_stakeholder_cannot_comment_on_an_approved_report(login, approved_report_b, stakeholder):
    response = post_comment(login(stakeholder), approved_report_b, "Nice report!")

    assert response.status_code == 403
    assert not ReviewComment.objects.exists()


def test_threads_stay_inside_the_partnership_when_a_report_is_public(
    login, approved_report_b, outsider, stakeholder
):
    first = comment_add(
        report=approved_report_b, author=outsider, body="Internal: check the 2019 figure."
    )
    comment_add(report=approved_report_b, author=outsider, body="Internal answer.", parent=first)

    for reader in (None, stakeholder):
        page = login(reader).get(detail_url(approved_report_b)).text
        assert "Internal" not in page
        assert "open comment" not in page
        assert people_url(approved_report_b) not in page
        assert "comments.js" not in page
    assert "Internal answer." in login(outsider).get(detail_url(approved_report_b)).text
