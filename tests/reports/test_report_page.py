"""The report page and the list of reports: what they show, to whom, and at a query cost that
does not grow with the report's history, comments, review steps or indicators."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse

from interventures.activity.services import log_action
from reports.models import Indicator, ReportStatus, ReviewComment
from reports.outline import OUTLINE
from reports.services import section_save
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow

LIST_URL = reverse("reports:report_list")


def detail_url(report):
    return reverse("reports:report_detail", kwargs={"pk": report.pk})


def history_url(report):
    return reverse("reports:report_history", kwargs={"pk": report.pk})


def edit_url(report, key="opportunities"):
    return reverse("reports:section_edit", kwargs={"pk": report.pk, "key": key})


def save(report, key, author, body):
    section = report.sections.get(key=key)
    return section_save(section=section, author=author, body=body, base_version=section.version)


def toc_entry(page, key):
    """The table of contents' line for one section."""
    return re.search(rf'<a href="#section-{key}">.*?</li>', page, re.S).group(0)


# --- what the page shows --------------------------------------------------------------------


def test_the_sections_appear_in_the_order_of_the_outline(login, report_a, owner):
    page = login(owner).get(detail_url(report_a)).text

    positions = [page.index(f'id="title-{spec.key.value}"') for spec in OUTLINE]
    assert positions == sorted(positions)
    assert "1.</span> Executive summary" in page
    assert "10.</span> Recommendations" in page


def test_each_section_says_who_edited_it_last_and_when(login, report_a, owner):
    save(report_a, "opportunities", owner, "<p>Ports bring buyers.</p>")

    page = login(owner).get(detail_url(report_a)).text

    section = page.split('id="section-opportunities"')[1].split("</section>")[0]
    who = r"Olivia Owner \(Lombardy Chamber of Commerce\)"
    assert re.search(rf"Last edited by {who} on \w+", section)


def test_visitors_read_which_organisation_edited_a_section_never_who(login, report_a, owner):
    save(report_a, "opportunities", owner, "<p>Ports bring buyers.</p>")
    report_a.status = ReportStatus.APPROVED
    report_a.save(update_fields=["status"])

    for visitor in (None, factories.make_user("visitor@example.org")):
        page = login(visitor).get(detail_url(report_a)).text

        section = page.split('id="section-opportunities"')[1].split("</section>")[0]
        assert re.search(r"Last edited by Lombardy Chamber of Commerce on \w+", section)
        assert "Olivia" not in page
        assert "@" not in section


def test_the_page_counts_the_required_sections_written(login, region_a, owner):
    texts = {
        "executive_summary": "<p>Summary.</p>",
        "regional_context": "<p>Context.</p>",
        "recommendations": "<p>Recommendations.</p>",
        "swot": "<p>An optional section.</p>",
    }
    report = factories.make_report(region_a, texts=texts)

    page = login(owner).get(detail_url(report)).text

    assert "3 of 7 required sections written" in page


def test_the_table_of_contents_counts_the_words_of_each_section(login, region_a, owner):
    texts = {"opportunities": "<p>Ports and <strong>trade fairs</strong> attract buyers.</p>"}
    report = factories.make_report(region_a, texts=texts)

    page = login(owner).get(detail_url(report)).text

    assert "6 words" in toc_entry(page, "opportunities")
    assert "not written" in toc_entry(page, "challenges")
    assert "required" in toc_entry(page, "challenges")
    assert "required" not in toc_entry(page, "swot")


def test_the_page_shows_the_status(login, report_a, owner):
    page = login(owner).get(detail_url(report_a)).text

    assert '<span class="badge status status-draft">Draft</span>' in page


def test_the_page_shows_review_steps_and_comments(login, report_a, owner, coordinator):
    log_action(
        actor=coordinator,
        verb="report.changes_requested",
        target=report_a,
        from_state="in_review",
        to_state="changes_requested",
        data={"reason": "Add the export figures."},
    )
    ReviewComment.objects.create(report=report_a, author=owner, body="Figures are coming.")

    page = login(owner).get(detail_url(report_a)).text

    assert "In review → Changes requested" in page
    assert "Add the export figures." in page
    assert "Figures are coming." in page


# --- who sees a report ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "outsider"])
def test_a_report_that_is_not_approved_is_hidden_from_everyone_outside_its_region(
    login, user_of_role, report_a, role
):
    client = login(user_of_role(role))

    assert client.get(detail_url(report_a)).status_code == 404
    assert client.get(history_url(report_a)).status_code == 404
    assert report_a.title not in client.get(LIST_URL).text


@pytest.mark.parametrize("role", ["stakeholder", "outsider"])
def test_the_section_editor_of_another_regions_draft_answers_404(
    login, user_of_role, report_a, role
):
    assert login(user_of_role(role)).get(edit_url(report_a)).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in_by_the_section_editor(login, report_a):
    response = login(None).get(edit_url(report_a))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("status", [ReportStatus.IN_REVIEW, ReportStatus.CHANGES_REQUESTED])
def test_reports_in_review_stay_hidden_outside_the_region(login, outsider, report_a, status):
    report_a.status = status
    report_a.save(update_fields=["status"])

    assert login(outsider).get(detail_url(report_a)).status_code == 404


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator"])
def test_the_regions_partners_and_the_coordinators_see_the_draft(
    login, user_of_role, report_a, role
):
    client = login(user_of_role(role))

    assert client.get(detail_url(report_a)).status_code == 200
    assert report_a.title in client.get(LIST_URL).text


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "owner"])
def test_an_approved_report_is_public_and_read_only(login, user_of_role, approved_report_b, role):
    response = login(user_of_role(role)).get(detail_url(approved_report_b))

    assert response.status_code == 200
    assert "What we found about Opportunities." in response.text
    assert edit_url(approved_report_b) not in response.text
    assert "Submit for review" not in response.text
    assert approved_report_b.title in login(user_of_role(role)).get(LIST_URL).text


def test_the_regions_editor_cannot_change_an_approved_report(login, approved_report_b, outsider):
    section = approved_report_b.sections.get(key="opportunities")
    client = login(outsider)  # region B's editor

    assert edit_url(approved_report_b) not in client.get(detail_url(approved_report_b)).text
    opened = client.get(edit_url(approved_report_b), follow=True)
    posted = client.post(
        edit_url(approved_report_b), {"body": "<p>Rewritten.</p>", "base_version": 1}
    )

    assert "The report is approved: its text cannot be changed now." in opened.text
    assert posted.status_code == 302
    section.refresh_from_db()
    assert (section.body, section.version) == ("<p>What we found about Opportunities.</p>", 1)


def test_another_regions_editor_is_refused_the_editor_of_an_approved_report(
    login, approved_report_b, owner
):
    response = login(owner).post(
        edit_url(approved_report_b), {"body": "<p>Rewritten.</p>", "base_version": 1}
    )

    assert response.status_code == 403
    assert approved_report_b.sections.get(key="opportunities").version == 1


# --- the list -------------------------------------------------------------------------------


def test_the_list_shows_each_visible_report_with_its_status_and_progress(
    login, report_a, approved_report_b, owner
):
    page = login(owner).get(LIST_URL).text

    rows = {
        title: re.search(rf"{re.escape(title)}</a>.*?</tr>", page, re.S).group(0)
        for title in (report_a.title, approved_report_b.title)
    }
    assert "Draft" in rows[report_a.title]
    assert "10 of 10" in rows[report_a.title]
    assert "Approved" in rows[approved_report_b.title]


def test_the_list_does_not_show_other_regions_drafts(login, report_a, report_b, owner):
    page = login(owner).get(LIST_URL).text

    assert report_a.title in page
    assert report_b.title not in page


# --- query counts ---------------------------------------------------------------------------


def test_the_report_page_queries_do_not_grow_with_history_comments_steps_and_indicators(
    login, report_a, owner, colleague, coordinator
):
    sections = list(report_a.sections.all())

    def make_rows(count):
        for number in range(count):
            section = sections[number % len(sections)]
            section.refresh_from_db()
            section_save(
                section=section,
                author=owner if number % 2 else colleague,
                body=f"<p>Version {number} of {section.key}.</p>",
                base_version=section.version,
            )
            ReviewComment.objects.create(
                report=report_a,
                section=section if number % 2 else None,
                author=coordinator if number % 2 else colleague,
                body=f"Comment {number}",
                resolved_by=owner if number % 3 == 0 else None,
            )
            log_action(
                actor=coordinator if number % 2 else owner,
                verb="report.submitted",
                target=report_a,
                from_state="draft",
                to_state="in_review",
                data={"reason": f"Step {number}"},
            )
            Indicator.objects.create(
                report=report_a,
                name=f"Exporting SMEs {number}",
                value=Decimal("1234.50") + number,
                unit="firms",
                year=2015 + number % 5,
                source="ISTAT",
                position=number,
            )

    assert_queries_do_not_grow(login(owner), detail_url(report_a), make_rows)


def test_the_list_queries_do_not_grow_with_the_reports(login, region_a, owner):
    def make_rows(count):
        for number in range(count):
            factories.make_report(
                region_a,
                status="approved" if number % 2 else "draft",
                texts={"executive_summary": "<p>Summary.</p>"},
            )

    assert_queries_do_not_grow(login(owner), LIST_URL, make_rows)
