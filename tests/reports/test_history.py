"""A report's history: every save is a version with its author, versions are compared word by
word, and an earlier version can be restored as a new one by the region's editors."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from reports.models import ReportSection, ReportStatus
from reports.services import section_save
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow


def save(section, author, body):
    """Save `body` as the section's next version, as the section editor does."""
    section.refresh_from_db()
    return section_save(section=section, author=author, body=body, base_version=section.version)


def history_url(report):
    return reverse("reports:report_history", kwargs={"pk": report.pk})


def compare_url(section, query=""):
    url = reverse("reports:section_compare", kwargs={"pk": section.report_id, "key": section.key})
    return f"{url}?{query}" if query else url


def restore_url(section, record):
    return reverse(
        "reports:section_restore",
        kwargs={"pk": section.report_id, "key": section.key, "history_id": record.history_id},
    )


def versions_of(section):
    """The section's history records, oldest first."""
    return list(section.history.order_by("history_date", "history_id"))


@pytest.fixture
def edited_section(section_a, owner):
    """Region A's "opportunities" section, saved three times by its editor."""
    save(section_a, owner, "<p>Ports and fairs attract buyers from abroad.</p>")
    save(section_a, owner, "<p>Ports and trade fairs attract buyers from abroad.</p>")
    save(section_a, owner, "<p>Ports and trade fairs attract many buyers from Asia.</p>")
    section_a.refresh_from_db()
    return section_a


# --- versions -------------------------------------------------------------------------------


def test_every_save_makes_a_version_with_its_author(section_a, owner):
    other_editor = factories.make_user("second.editor@lombardy.example")
    factories.make_membership(other_editor, owner.memberships.get().organisation)

    save(section_a, owner, "<p>First text.</p>")
    save(section_a, other_editor, "<p>Second text.</p>")

    first, second = versions_of(section_a)
    assert (first.version, first.history_user, first.body) == (2, owner, "<p>First text.</p>")
    assert (second.version, second.history_user) == (3, other_editor)


def test_saving_the_same_text_again_makes_no_version(section_a, owner):
    save(section_a, owner, "<p>Same text.</p>")
    save(section_a, owner, "<p>Same text.</p>")

    assert len(versions_of(section_a)) == 1


# --- the history page -----------------------------------------------------------------------


def test_viewer_of_the_region_sees_every_version_with_its_author(
    login, colleague, report_a, edited_section
):
    response = login(colleague).get(history_url(report_a))

    assert response.status_code == 200
    page = response.content.decode()
    for record in versions_of(edited_section):
        assert f"Version {record.version}" in page
        assert f"to={record.history_id}" in page
    assert "Olivia Owner" in page


def test_history_lists_sections_in_outline_order(login, colleague, report_a, owner):
    summary = report_a.sections.get(key="executive_summary")
    recommendations = report_a.sections.get(key="recommendations")
    save(recommendations, owner, "<p>Open a desk in Vienna.</p>")
    save(summary, owner, "<p>In short: export more.</p>")

    page = login(colleague).get(history_url(report_a)).content.decode()

    assert page.index('id="history-executive_summary"') < page.index('id="history-recommendations"')


def test_only_the_regions_partners_and_coordinators_read_an_approved_reports_history(
    login, region_b, outsider, owner, stakeholder, coordinator
):
    report = factories.make_report(region_b, title="Klaipėda report")
    section = report.sections.get(key="challenges")
    save(section, outsider, "<p>Few firms export.</p>")
    report.status = ReportStatus.APPROVED
    report.save(update_fields=["status"])
    compare = reverse("reports:section_compare", kwargs={"pk": report.pk, "key": "challenges"})

    for visitor in (None, stakeholder, owner):
        assert login(visitor).get(history_url(report)).status_code == 404
        assert login(visitor).get(compare).status_code == 404
    for partner in (outsider, coordinator):
        page = login(partner).get(history_url(report)).text.split("<main")[1]
        assert "Version 1" in page
        assert "Ona (Klaipėda Business Agency)" in page
        assert "outsider@klaipeda.example" not in page


def test_outsider_gets_404_for_the_history_of_another_region_draft(login, outsider, report_a):
    assert login(outsider).get(history_url(report_a)).status_code == 404


def test_history_offers_restore_to_the_region_editor_only(
    login, owner, colleague, coordinator, report_a, edited_section
):
    oldest = versions_of(edited_section)[0]

    assert (
        restore_url(edited_section, oldest)
        in login(owner).get(history_url(report_a)).content.decode()
    )
    for user in (colleague, coordinator):
        page = login(user).get(history_url(report_a)).content.decode()
        assert restore_url(edited_section, oldest) not in page


def test_history_offers_no_restore_while_the_report_is_in_review(
    login, owner, report_a, edited_section
):
    report_a.status = ReportStatus.IN_REVIEW
    report_a.save(update_fields=["status"])

    assert "Restore this version" not in login(owner).get(history_url(report_a)).content.decode()


def test_history_page_query_count_does_not_grow_with_versions_or_sections(login, owner, report_a):
    sections = list(report_a.sections.all())
    saves = iter(range(1, 1000))

    def save_versions(count):
        for _ in range(count):
            number = next(saves)
            save(sections[number % len(sections)], owner, f"<p>Text number {number}.</p>")

    assert_queries_do_not_grow(login(owner), history_url(report_a), save_versions)


# --- comparing versions ---------------------------------------------------------------------


def test_compare_shows_removed_and_added_words(login, colleague, edited_section):
    _first, second, third = versions_of(edited_section)

    response = login(colleague).get(
        compare_url(edited_section, f"from={second.history_id}&to={third.history_id}")
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert '<del><span class="visually-hidden">removed: </span>abroad.</del>' in page
    assert '<ins><span class="visually-hidden">added: </span>many</ins>' in page
    assert '<ins><span class="visually-hidden">added: </span>Asia.</ins>' in page


def test_compare_shows_both_full_texts(login, colleague, edited_section):
    _first, second, third = versions_of(edited_section)

    page = (
        login(colleague)
        .get(compare_url(edited_section, f"from={second.history_id}&to={third.history_id}"))
        .content.decode()
    )

    assert second.body in page
    assert third.body in page


def test_compare_without_ids_shows_the_last_two_versions(login, colleague, edited_section):
    _first, second, third = versions_of(edited_section)

    response = login(colleague).get(compare_url(edited_section))

    assert response.status_code == 200
    assert response.context["older"] == second
    assert response.context["newer"] == third


def test_compare_with_only_the_newer_id_compares_it_with_the_version_before(
    login, colleague, edited_section
):
    first, second, _third = versions_of(edited_section)

    response = login(colleague).get(compare_url(edited_section, f"to={second.history_id}"))

    assert response.context["older"] == first
    assert response.context["newer"] == second


def test_compare_of_the_first_version_shows_all_its_words_as_added(
    login, colleague, edited_section
):
    first = versions_of(edited_section)[0]

    response = login(colleague).get(compare_url(edited_section, f"to={first.history_id}"))

    assert response.status_code == 200
    assert response.context["older"] is None
    assert '<ins><span class="visually-hidden">added: </span>Ports and fairs' in (
        response.content.decode()
    )


@pytest.mark.parametrize(
    "query", ["from=abc&to=1", "from=1&to=%00", "to=-4", "from=1.5", "from=&to=x"]
)
def test_compare_with_ids_that_are_not_version_numbers_gives_a_clear_400_page(
    login, colleague, edited_section, query
):
    response = login(colleague).get(compare_url(edited_section, query))

    assert response.status_code == 400
    assert "These versions cannot be compared" in response.content.decode()


def test_compare_with_an_unknown_id_gives_404(login, colleague, edited_section):
    response = login(colleague).get(compare_url(edited_section, "to=999999999"))

    assert response.status_code == 404


def test_compare_with_an_id_beyond_any_database_integer_gives_400(login, colleague, edited_section):
    response = login(colleague).get(compare_url(edited_section, "to=9999999999999999999999"))

    assert response.status_code == 400


def test_compare_with_a_version_of_another_section_gives_404(
    login, colleague, owner, report_a, edited_section
):
    other = report_a.sections.get(key="challenges")
    save(other, owner, "<p>Language barriers.</p>")
    foreign = versions_of(other)[0]
    own = versions_of(edited_section)[-1]

    response = login(colleague).get(
        compare_url(edited_section, f"from={foreign.history_id}&to={own.history_id}")
    )

    assert response.status_code == 404


def test_outsider_gets_404_when_comparing_versions_of_another_region_draft(
    login, outsider, edited_section
):
    assert login(outsider).get(compare_url(edited_section)).status_code == 404


def test_compare_of_a_section_without_versions_says_so(login, colleague, section_a):
    response = login(colleague).get(compare_url(section_a))

    assert response.status_code == 200
    assert "nothing to compare" in response.content.decode()


def test_compare_does_not_let_saved_text_become_markup(login, colleague, section_a, owner):
    save(section_a, owner, "<p>Before.</p>")
    save(section_a, owner, "<p>After &lt;script&gt;alert(1)&lt;/script&gt;</p>")

    page = login(colleague).get(compare_url(section_a)).content.decode()

    assert "<script>alert(1)" not in page


# --- restoring a version --------------------------------------------------------------------


def test_restore_saves_the_old_text_as_a_new_version_and_keeps_the_history(
    login, owner, edited_section
):
    first, second, third = versions_of(edited_section)

    response = login(owner).post(restore_url(edited_section, first))

    edited_section.refresh_from_db()
    assert edited_section.body == first.body
    assert edited_section.version == third.version + 1
    assert edited_section.last_edited_by == owner
    versions = versions_of(edited_section)
    assert versions[:3] == [first, second, third]
    assert (versions[3].version, versions[3].body, versions[3].history_user) == (
        third.version + 1,
        first.body,
        owner,
    )
    assert response.status_code == 302
    assert response.url == f"{edited_section.report.get_absolute_url()}#section-opportunities"


def test_restore_tells_the_editor_what_happened(login, owner, edited_section):
    first = versions_of(edited_section)[0]

    response = login(owner).post(restore_url(edited_section, first))

    assert [str(message) for message in get_messages(response.wsgi_request)] == [
        "The earlier text of “Opportunities” was restored as version 5."
    ]


def test_restoring_the_current_text_changes_nothing(login, owner, edited_section):
    latest = versions_of(edited_section)[-1]

    login(owner).post(restore_url(edited_section, latest))

    edited_section.refresh_from_db()
    assert edited_section.version == latest.version
    assert len(versions_of(edited_section)) == 3


@pytest.mark.parametrize("role", ["colleague", "coordinator"])
def test_restore_is_refused_to_viewers_and_coordinators(login, user_of_role, edited_section, role):
    first = versions_of(edited_section)[0]

    response = login(user_of_role(role)).post(restore_url(edited_section, first))

    assert response.status_code == 403
    assert len(versions_of(edited_section)) == 3


def test_restore_gives_404_to_an_editor_of_another_region(login, outsider, edited_section):
    first = versions_of(edited_section)[0]

    assert login(outsider).post(restore_url(edited_section, first)).status_code == 404


def test_restore_sends_visitors_to_sign_in(login, edited_section):
    first = versions_of(edited_section)[0]

    response = login(None).post(restore_url(edited_section, first))

    assert response.status_code == 302
    assert reverse("account_login") in response.url


def test_restore_is_refused_while_the_report_is_in_review(login, owner, edited_section):
    first = versions_of(edited_section)[0]
    report = edited_section.report
    report.status = ReportStatus.IN_REVIEW
    report.save(update_fields=["status"])

    response = login(owner).post(restore_url(edited_section, first))

    assert response.status_code == 403
    edited_section.refresh_from_db()
    assert edited_section.version == 4


def test_restore_is_a_post_only_action(login, owner, edited_section):
    first = versions_of(edited_section)[0]

    assert login(owner).get(restore_url(edited_section, first)).status_code == 405


def test_restore_of_a_version_of_another_section_gives_404(login, owner, report_a, edited_section):
    other = report_a.sections.get(key="challenges")
    save(other, owner, "<p>Language barriers.</p>")
    foreign = versions_of(other)[0]
    url = reverse(
        "reports:section_restore",
        kwargs={"pk": report_a.pk, "key": edited_section.key, "history_id": foreign.history_id},
    )

    assert login(owner).post(url).status_code == 404
    assert ReportSection.objects.get(pk=edited_section.pk).version == 4
