"""The demo data: `seed_demo` gives each of the five regions a report at a different point of
the review, with real history, and running it again neither duplicates nor undoes anything."""

from io import StringIO
from itertools import pairwise

import pytest
from django.core.management import call_command

from interventures.activity.models import ActivityEntry
from interventures.activity.selectors import entries_for
from partners.models import Region, User
from reports.models import (
    Indicator,
    ReportSection,
    ReportStatus,
    ReviewComment,
    SituationAnalysisReport,
)
from reports.selectors import missing_required_sections
from reports.services import section_save

DEMO_DOMAIN = "demo.interventures.eu"


@pytest.fixture
def seeded(db):
    call_command("seed_demo", stdout=StringIO())


def report_of(slug):
    return SituationAnalysisReport.objects.get(region__slug=slug)


def editor_of(slug):
    return User.objects.get(email=f"editor.{slug}@{DEMO_DOMAIN}")


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (
            SituationAnalysisReport,
            ReportSection,
            ReportSection.history.model,
            ReviewComment,
            ActivityEntry,
            Indicator,
        )
    }


def test_each_of_the_five_regions_has_one_report(seeded):
    assert Region.objects.count() == 5
    for region in Region.objects.all():
        assert region.reports.count() == 1, region.slug


@pytest.mark.parametrize(
    ("slug", "status"),
    [
        ("podkarpackie", ReportStatus.APPROVED),
        ("pecs", ReportStatus.IN_REVIEW),
        ("lombardy", ReportStatus.DRAFT),
        ("klaipeda", ReportStatus.CHANGES_REQUESTED),
    ],
)
def test_the_demo_reports_are_at_different_points_of_the_review(seeded, slug, status):
    assert report_of(slug).status == status


def test_lombardys_draft_has_an_unresolved_comment_thread(seeded):
    report = report_of("lombardy")
    unresolved = report.comments.filter(resolved_at__isnull=True, section__isnull=False)

    threads = {}
    for comment in unresolved:
        threads.setdefault(comment.section_id, set()).add(comment.author_id)
    assert any(len(authors) >= 2 for authors in threads.values()), threads


@pytest.mark.parametrize("slug", ["podkarpackie", "pecs", "klaipeda"])
def test_the_review_history_of_a_submitted_report_leads_to_its_status(seeded, slug):
    report = report_of(slug)
    steps = list(entries_for(report).exclude(to_state=""))

    assert steps, "a submitted report has a review history"
    assert steps[0].from_state == ReportStatus.DRAFT
    assert steps[-1].to_state == report.status
    for earlier, later in pairwise(steps):
        assert earlier.to_state == later.from_state


@pytest.mark.parametrize("slug", ["podkarpackie", "pecs"])
def test_a_submitted_demo_report_has_every_required_section_written(seeded, slug):
    assert missing_required_sections(report_of(slug)) == []


def test_the_written_sections_have_history_with_the_regions_editor_as_author(seeded):
    for region in Region.objects.all():
        editor = editor_of(region.slug)
        written = ReportSection.objects.filter(report__region=region).exclude(body="")
        assert written.exists(), region.slug
        for section in written:
            [version] = section.history.all()
            assert (version.history_user, version.body) == (editor, section.body)
            assert section.last_edited_by == editor


def test_running_seed_demo_twice_creates_no_duplicates(seeded):
    before = counts()

    call_command("seed_demo", stdout=StringIO())

    assert counts() == before


def test_running_seed_demo_again_keeps_a_partners_edit(seeded):
    section = report_of("lombardy").sections.get(key="opportunities")
    section_save(
        section=section,
        author=editor_of("lombardy"),
        body="<p>Written by the partner after the demo was loaded.</p>",
        base_version=section.version,
    )

    call_command("seed_demo", stdout=StringIO())

    section.refresh_from_db()
    assert section.body == "<p>Written by the partner after the demo was loaded.</p>"
    assert report_of("lombardy").status == ReportStatus.DRAFT
