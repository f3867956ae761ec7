"""Writing a section: saving makes a version, a stale save becomes a conflict that keeps the
writer's text, the length limit, private autosaved drafts and who else is writing."""

import html
import json
import re
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from reports.models import MAX_SECTION_CHARS, ReportStatus, SectionDraft, SectionPresence
from reports.services import section_save
from tests.harness import factories

OVER_THE_LIMIT = "<p>" + "a" * MAX_SECTION_CHARS + "</p>"


def edit_url(section, query=""):
    url = reverse("reports:section_edit", kwargs={"pk": section.report_id, "key": section.key})
    return f"{url}?{query}" if query else url


def autosave_url(section):
    return reverse("reports:section_autosave", kwargs={"pk": section.report_id, "key": section.key})


def discard_url(section):
    return reverse(
        "reports:section_draft_discard", kwargs={"pk": section.report_id, "key": section.key}
    )


def editor_text(response) -> str:
    """The text in the page's editor (the textarea the rich-text editor works on)."""
    match = re.search(r'<textarea[^>]*name="body"[^>]*>(.*?)</textarea>', response.text, re.S)
    assert match, "the page has no editor"
    return html.unescape(match.group(1)).strip()


def base_version_in(response) -> int:
    """The version the editor's form will save on top of (its hidden field)."""
    tag = re.search(r'<input[^>]*name="base_version"[^>]*>', response.text).group(0)
    return int(re.search(r'value="(\d+)"', tag).group(1))


def presence_line(response) -> str:
    """What the editor page says about who else is working on the section."""
    return re.search(r'<p id="presence"[^>]*>(.*?)</p>', response.text, re.S).group(1)


def fresh(section):
    section.refresh_from_db()
    return section


@pytest.fixture
def second_editor(org_a):
    user = factories.make_user(
        "elena.editor@lombardy.example", first_name="Elena", last_name="Rossi"
    )
    factories.make_membership(user, org_a)
    return user


# --- saving ---------------------------------------------------------------------------------


def test_saving_makes_a_new_version_with_its_author_and_time(login, section_a, owner):
    before = timezone.now()

    response = login(owner).post(
        edit_url(section_a), {"body": "<p>Ports bring buyers.</p>", "base_version": 1}
    )

    assert response.status_code == 302
    assert response["Location"].endswith("#section-opportunities")
    section = fresh(section_a)
    assert (section.body, section.version, section.last_edited_by) == (
        "<p>Ports bring buyers.</p>",
        2,
        owner,
    )
    assert before <= section.last_edited_at <= timezone.now()
    [record] = section.history.all()
    assert (record.version, record.history_user, record.body) == (2, owner, section.body)


def test_the_editor_opens_with_the_saved_text_and_its_version(login, section_a, owner):
    response = login(owner).get(edit_url(section_a))

    assert response.status_code == 200
    assert editor_text(response) == section_a.body
    assert base_version_in(response) == section_a.version


def test_a_viewer_cannot_open_the_section_editor(login, section_a, colleague):
    assert login(colleague).get(edit_url(section_a)).status_code == 403


def test_another_regions_editor_gets_404_from_the_section_editor(login, section_a, outsider):
    response = login(outsider).post(edit_url(section_a), {"body": "<p>x</p>", "base_version": 1})

    assert response.status_code == 404
    assert fresh(section_a).version == 1


# --- conflicts ------------------------------------------------------------------------------


@pytest.fixture
def stale_save(login, section_a, owner, second_editor):
    """Elena saved the section after Olivia opened it; Olivia then saves on the old version."""
    section_save(
        section=section_a,
        author=second_editor,
        body="<p>Trade fairs in Milan attract buyers from Asia.</p>",
        base_version=1,
    )
    client = login(owner)
    response = client.post(
        edit_url(section_a),
        {"body": "<p>Trade fairs in Milan attract buyers from America.</p>", "base_version": 1},
    )
    return client, response


def test_saving_on_a_stale_version_does_not_overwrite_the_newer_text(stale_save, section_a):
    _client, response = stale_save

    assert response.status_code == 409
    section = fresh(section_a)
    assert section.body == "<p>Trade fairs in Milan attract buyers from Asia.</p>"
    assert section.version == 2


def test_the_conflict_page_keeps_the_writers_text_in_the_editor(stale_save):
    _client, response = stale_save

    assert "Someone saved this section while you were writing" in response.text
    assert "Elena Rossi (Lombardy Chamber of Commerce) saved version 2" in response.text
    assert editor_text(response) == "<p>Trade fairs in Milan attract buyers from America.</p>"


def test_the_conflict_page_shows_the_current_text_and_a_word_diff(stale_save):
    _client, response = stale_save

    current = response.text.split('class="panel current-text"')[1]
    assert "<p>Trade fairs in Milan attract buyers from Asia.</p>" in current
    diff = response.text.split('class="prose diff"')[1].split("</div>")[0]
    assert re.search(r"<del>.*Asia\.</del>", diff)
    assert re.search(r"<ins>.*America\.</ins>", diff)
    assert "Trade fairs in Milan attract buyers from" in diff


def test_saving_again_from_the_conflict_page_merges(stale_save, section_a):
    client, response = stale_save
    merged = "<p>Trade fairs in Milan attract buyers from Asia and America.</p>"

    assert base_version_in(response) == 2
    again = client.post(
        edit_url(section_a), {"body": merged, "base_version": base_version_in(response)}
    )

    assert again.status_code == 302
    assert (fresh(section_a).body, fresh(section_a).version) == (merged, 3)


# --- the length limit -----------------------------------------------------------------------


def test_a_text_over_the_limit_is_refused_with_a_message_and_kept_in_the_editor(
    login, section_a, owner
):
    response = login(owner).post(edit_url(section_a), {"body": OVER_THE_LIMIT, "base_version": 1})

    assert response.status_code == 400
    assert "The text is too long" in response.text
    assert editor_text(response) == OVER_THE_LIMIT
    assert (fresh(section_a).body, fresh(section_a).version) == (section_a.body, 1)


def test_a_text_exactly_at_the_limit_is_saved(login, section_a, owner):
    body = "<p>" + "a" * (MAX_SECTION_CHARS - len("<p></p>")) + "</p>"

    response = login(owner).post(edit_url(section_a), {"body": body, "base_version": 1})

    assert response.status_code == 302
    assert fresh(section_a).body == body


def test_the_service_refuses_a_text_over_the_limit(section_a, owner):
    with pytest.raises(ValidationError, match="The text is too long"):
        section_save(section=section_a, author=owner, body=OVER_THE_LIMIT, base_version=1)
    assert fresh(section_a).version == 1


# --- autosaved private drafts ---------------------------------------------------------------


def autosave(client, section, body, base_version=1):
    return client.post(autosave_url(section), {"body": body, "base_version": base_version})


def test_autosave_keeps_a_private_draft_and_answers_when_it_was_saved(login, section_a, owner):
    response = autosave(login(owner), section_a, "<p>Half a thought</p>")

    assert response.status_code == 200
    answer = response.json()
    assert re.fullmatch(r"\d\d:\d\d", answer["saved_at"])
    assert answer["message"] == f"Draft saved at {answer['saved_at']}"
    draft = SectionDraft.objects.get(section=section_a, author=owner)
    assert (draft.body, draft.base_version) == ("<p>Half a thought</p>", 1)


def test_autosave_with_a_version_beyond_any_integer_is_refused_not_a_server_error(
    login, section_a, owner
):
    response = autosave(login(owner), section_a, "<p>Half a thought</p>", base_version="9" * 30)

    assert response.status_code == 400
    assert "less than or equal to" in response.json()["error"]
    assert not SectionDraft.objects.exists()


def test_autosave_never_changes_the_shared_text_or_version(login, section_a, owner):
    autosave(login(owner), section_a, "<p>Half a thought</p>")

    section = fresh(section_a)
    assert (section.body, section.version) == (section_a.body, 1)
    assert not section.history.exists()


def test_coming_back_to_the_editor_offers_my_draft(login, section_a, owner):
    client = login(owner)
    autosave(client, section_a, "<p>Half a thought</p>")

    response = client.get(edit_url(section_a))

    assert "You have an unsaved draft of this section" in response.text
    assert editor_text(response) == section_a.body  # the saved text until I choose the draft


def test_continuing_with_the_draft_loads_it_into_the_editor(login, section_a, owner):
    client = login(owner)
    autosave(client, section_a, "<p>Half a thought</p>")

    response = client.get(edit_url(section_a, "draft=1"))

    assert editor_text(response) == "<p>Half a thought</p>"
    assert base_version_in(response) == 1
    assert "You have an unsaved draft of this section" not in response.text


def test_another_editor_never_sees_my_draft(login, section_a, owner, second_editor):
    autosave(login(owner), section_a, "<p>Olivia's secret half thought</p>")
    other = login(second_editor)

    offered = other.get(edit_url(section_a))
    loaded = other.get(edit_url(section_a, "draft=1"))

    for response in (offered, loaded):
        assert "unsaved draft" not in response.text
        assert "secret half thought" not in response.text
        assert editor_text(response) == section_a.body


def test_discarding_the_draft_removes_it(login, section_a, owner):
    client = login(owner)
    autosave(client, section_a, "<p>Half a thought</p>")

    response = client.post(discard_url(section_a), follow=True)

    assert not SectionDraft.objects.exists()
    assert "Your unsaved draft was discarded." in response.text
    assert "You have an unsaved draft of this section" not in response.text


def test_saving_the_section_removes_my_draft(login, section_a, owner):
    client = login(owner)
    autosave(client, section_a, "<p>Half a thought</p>")

    client.post(edit_url(section_a), {"body": "<p>A whole thought.</p>", "base_version": 1})

    assert not SectionDraft.objects.exists()


def test_autosave_over_the_limit_answers_400_with_a_message(login, section_a, owner):
    response = autosave(login(owner), section_a, OVER_THE_LIMIT)

    assert response.status_code == 400
    assert "The text is too long" in response.json()["error"]
    assert not SectionDraft.objects.exists()


def test_autosave_while_the_report_is_in_review_answers_409(login, report_a, section_a, owner):
    report_a.status = ReportStatus.IN_REVIEW
    report_a.save(update_fields=["status"])

    response = autosave(login(owner), section_a, "<p>Late words</p>")

    assert response.status_code == 409
    assert json.loads(response.content)["error"] == "The report can no longer be edited."
    assert not SectionDraft.objects.exists()


def test_a_viewer_cannot_autosave(login, section_a, colleague):
    assert autosave(login(colleague), section_a, "<p>x</p>").status_code == 403
    assert not SectionDraft.objects.exists()


# --- presence -------------------------------------------------------------------------------


def test_an_editor_sees_who_else_opened_the_section_in_the_last_five_minutes(
    login, section_a, owner, second_editor
):
    login(second_editor).get(edit_url(section_a))

    response = login(owner).get(edit_url(section_a))

    presence = presence_line(response)
    assert "Also working on this section:" in presence
    assert "Elena Rossi" in presence


def test_an_editor_does_not_see_themselves_as_also_working(login, section_a, owner):
    client = login(owner)
    client.get(edit_url(section_a))

    response = client.get(edit_url(section_a))

    presence = presence_line(response)
    assert "Also working on this section:" not in presence


def test_someone_who_left_more_than_five_minutes_ago_is_not_shown(
    login, section_a, owner, second_editor
):
    login(second_editor).get(edit_url(section_a))
    SectionPresence.objects.filter(user=second_editor).update(
        seen_at=timezone.now() - timedelta(minutes=5, seconds=5)
    )

    response = login(owner).get(edit_url(section_a))

    presence = presence_line(response)
    assert "Elena Rossi" not in presence


def test_autosave_tells_the_writer_who_else_is_working(login, section_a, owner, second_editor):
    login(second_editor).get(edit_url(section_a))

    response = autosave(login(owner), section_a, "<p>Half a thought</p>")

    assert response.json()["others"] == ["Elena Rossi (Lombardy Chamber of Commerce)"]
