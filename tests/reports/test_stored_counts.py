"""A report page costs what it shows: each section's words are counted when it is saved, by
whoever saves it, and a visitor's page fetches none of the partnership's working record."""

import importlib

import nh3
import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from interventures.activity.services import log_action
from reports.models import ReportSection, ReviewComment
from reports.services import section_save
from tests.harness import factories
from tests.security.test_admin_writes import change_in_admin

TEXT = "<p>Ports and <strong>trade fairs</strong> attract buyers.</p>"  # six words


def detail_url(report):
    return reverse("reports:report_detail", kwargs={"pk": report.pk})


def section_of(report, key="opportunities") -> ReportSection:
    return report.sections.get(key=key)


def test_saving_a_section_counts_its_words_and_a_new_save_counts_them_again(region_a, owner):
    report = factories.make_report(region_a)
    section = section_save(section=section_of(report), author=owner, body=TEXT, base_version=0)
    assert section_of(report).word_count == 6

    section_save(section=section, author=owner, body="<p>Fewer words.</p>", base_version=1)
    assert section_of(report).word_count == 2
    assert [version.word_count for version in section.history.order_by("history_id")][-2:] == [
        6,
        2,
    ]


def test_a_section_saved_in_the_admin_has_its_words_counted(login, superuser, region_a):
    report = factories.make_report(region_a)

    change_in_admin(login(superuser), section_of(report), body=TEXT)

    assert section_of(report).word_count == 6


def test_an_update_of_the_text_counts_its_words_and_new_sections_start_at_none(region_a):
    report = factories.make_report(region_a)  # its sections made with bulk_create
    assert {section.word_count for section in report.sections.all()} == {0}

    ReportSection.objects.filter(report=report, key="swot").update(body=TEXT)

    assert section_of(report, "swot").word_count == 6


def test_the_migration_counts_the_words_of_sections_and_versions_saved_before_it(region_a, owner):
    report = factories.make_report(region_a)
    section_save(section=section_of(report), author=owner, body=TEXT, base_version=0)
    # As before the migration: nothing counted (bulk_update writes no count of its own).
    stale = section_of(report)
    stale.word_count = 0
    ReportSection.objects.bulk_update([stale], ["word_count"])
    ReportSection.history.update(word_count=0)

    migration = importlib.import_module("reports.migrations.0011_section_word_count")
    migration.count_words(apps, None)

    assert section_of(report).word_count == 6
    assert ReportSection.history.filter(word_count=6).count() == 1


def test_the_report_page_parses_no_section_text_on_a_visit(login, region_b, monkeypatch):
    report = factories.make_report(region_b, status="approved", texts={"opportunities": TEXT})

    def parse(*args, **kwargs):
        raise AssertionError("a section was parsed while the page was read")

    monkeypatch.setattr(nh3, "clean", parse)
    page = login(None).get(detail_url(report)).text

    assert "6 words" in page


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "owner"])
def test_visitors_of_an_approved_report_fetch_no_comments_steps_or_organisations(
    role, user_of_role, login, approved_report_b, coordinator
):
    for number in range(3):
        ReviewComment.objects.create(
            report=approved_report_b, author=coordinator, body=f"Comment {number}"
        )
        log_action(
            actor=coordinator,
            verb="report.approved",
            target=approved_report_b,
            from_state="in_review",
            to_state="approved",
        )
    client = login(user_of_role(role))
    client.get(detail_url(approved_report_b))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(detail_url(approved_report_b))

    assert response.status_code == 200
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "reports_reviewcomment" not in read
    assert "activity_activityentry" not in read
    assert 'FROM "partners_partnerorganisation"' not in read
