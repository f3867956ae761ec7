"""Reads of the reports app; each page's queries stay the same however many rows it shows."""

import math
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import Cast, Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from interventures.activity.models import ActivityEntry
from interventures.collation import sorted_by_name
from interventures.dates import portal_today
from partners.access import roles_of
from partners.models import Membership, Region, User
from partners.selectors import people_with_organisations

from . import access
from .models import (
    EDITABLE_STATUSES,
    PRESENCE_WINDOW,
    SPECS,
    Compendium,
    CompendiumStatus,
    Indicator,
    IndicatorCode,
    PDFFailure,
    PDFJob,
    PDFJobStatus,
    ReportSection,
    ReportStatus,
    ReviewComment,
    SectionDraft,
    SectionPresence,
    SituationAnalysisReport,
)
from .outline import SectionKey
from .swot import Quadrant, Theme, recurring_themes, split_quadrants

HistoricalReportSection = ReportSection.history.model


def report_list(user) -> QuerySet[SituationAnalysisReport]:
    return (
        access.filter_visible(SituationAnalysisReport.objects.all(), user)
        .select_related("region")
        .annotate(
            sections_written=Count("sections", filter=~Q(sections__body="")),
            sections_total=Count("sections"),
        )
    )


def report_for(user, pk: int) -> SituationAnalysisReport:
    """The report if the user may see it; 404 otherwise, whether it exists or not."""
    return get_object_or_404(
        access.filter_visible(SituationAnalysisReport.objects.all(), user).select_related("region"),
        pk=pk,
    )


def report_history_for(user, pk: int) -> SituationAnalysisReport:
    """The report if the user may read its history; 404 otherwise (an approved report is
    public, its history is not)."""
    report = report_for(user, pk)
    if not access.can_read_history(user, report):
        raise Http404
    return report


def _approved_inspired_actions() -> QuerySet:
    """The actions of approved action plans, with their plan and region, reached through their
    link to report sections: the plans app builds on this one, never the other way round."""
    action_model = ReportSection._meta.get_field("inspired_actions").related_model
    return (
        action_model._default_manager.filter(plan__status="approved")
        .select_related("plan__region")
        .order_by("plan__region__name", "plan__title", "position", "pk")
    )


def report_detail(user, pk: int) -> SituationAnalysisReport:
    """The report with what its page shows `user`: sections (each with `inspired`, the actions
    of approved plans that draw on it) and indicators; the review comments, with their authors'
    organisations, only for who reads them (`access.can_comment`). Visitors of an approved
    report read none of the partnership's working record, so none is fetched."""
    report = get_object_or_404(
        access.filter_visible(SituationAnalysisReport.objects.all(), user).select_related("region"),
        pk=pk,
    )
    sections = ReportSection.objects.select_related("last_edited_by").prefetch_related(
        people_with_organisations("last_edited_by"),
        Prefetch("inspired_actions", queryset=_approved_inspired_actions(), to_attr="inspired"),
    )
    lookups: list[str | Prefetch] = [Prefetch("sections", queryset=sections), "indicators"]
    if access.can_comment(user, report):
        comments = ReviewComment.objects.select_related(
            "author", "resolved_by", "section"
        ).prefetch_related(
            people_with_organisations("author"), people_with_organisations("resolved_by")
        )
        lookups.append(Prefetch("comments", queryset=comments))
    prefetch_related_objects([report], *lookups)
    return report


def people_who_can_see(report, query: str = "") -> QuerySet[User]:
    """The people who read the comments of `report`, or of anything of a region (the plans
    app's plans too): the region's partners and the coordinators, whose names contain every
    word of `query`; with their organisations, by name."""
    people = User.objects.filter(
        Q(is_coordinator=True) | Q(memberships__organisation__region_id=report.region_id),
        is_active=True,
        erased_at__isnull=True,
    )
    for word in query.split():
        people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
    return (
        people.distinct()
        .order_by("first_name", "last_name", "pk")
        .prefetch_related(people_with_organisations(""))
    )


def section_for(report: SituationAnalysisReport, key: str) -> ReportSection:
    section = get_object_or_404(
        ReportSection.objects.select_related("last_edited_by"), report=report, key=key
    )
    section.report = report
    return section


@dataclass(frozen=True)
class SectionProgress:
    section: ReportSection
    words: int

    @property
    def written(self) -> bool:
        return self.words > 0


@dataclass(frozen=True)
class Completeness:
    sections: list[SectionProgress]

    @property
    def required_total(self) -> int:
        return sum(1 for row in self.sections if row.section.spec.required)

    @property
    def required_written(self) -> int:
        return sum(1 for row in self.sections if row.section.spec.required and row.written)

    @property
    def percent(self) -> int:
        if not self.required_total:
            return 100
        return round(100 * self.required_written / self.required_total)

    @property
    def words(self) -> int:
        return sum(row.words for row in self.sections)


def completeness(report: SituationAnalysisReport) -> Completeness:
    """Words per section and required sections written, from the prefetched sections (their
    words are counted when they are saved)."""
    return Completeness(
        [SectionProgress(section, section.word_count) for section in report.sections.all()]
    )


def draft_of(section: ReportSection, user) -> SectionDraft | None:
    return SectionDraft.objects.filter(section=section, author=user).first()


def others_present(section: ReportSection, user) -> list[SectionPresence]:
    return list(
        SectionPresence.objects.filter(
            section=section, seen_at__gte=timezone.now() - PRESENCE_WINDOW
        )
        .exclude(user=user)
        .select_related("user")
        .prefetch_related(people_with_organisations("user"))
    )


@dataclass(frozen=True)
class RegionProgress:
    region: object
    report: SituationAnalysisReport | None


def report_progress(user, regions) -> list[RegionProgress]:
    """Each region's newest report the user may see; None where it is still private to them."""
    newest: dict[int, SituationAnalysisReport] = {}
    for report in report_list(user).order_by("region_id", "-created_at"):
        newest.setdefault(report.region_id, report)
    return [RegionProgress(region, newest.get(region.pk)) for region in regions]


@dataclass(frozen=True)
class Version:
    """One saved version of a section, with the one saved before it (None for the first)."""

    # simple-history makes the class of its records at run time: no static type to name.
    record: Any
    previous: Any
    is_latest: bool
    is_current_text: bool

    @property
    def words(self) -> int:
        return self.record.word_count


@dataclass(frozen=True)
class SectionHistory:
    section: ReportSection
    versions: list[Version]  # newest first


def _versions(section: ReportSection, records: list) -> list[Version]:
    """`records` of one section, newest first, as Versions linked to their predecessors."""
    return [
        Version(
            record=record,
            previous=records[index + 1] if index + 1 < len(records) else None,
            is_latest=index == 0,
            is_current_text=record.body == section.body,
        )
        for index, record in enumerate(records)
    ]


def report_history_of(report: SituationAnalysisReport) -> list[SectionHistory]:
    """Every section in outline order with its versions: two queries, however many rows."""
    records_by_section: dict[int, list] = {}
    records = (
        HistoricalReportSection.objects.filter(report_id=report.pk)
        .exclude(history_type="-")
        .select_related("history_user")
        .prefetch_related(people_with_organisations("history_user"))
        .order_by("-history_date", "-history_id")
    )
    for record in records:
        records_by_section.setdefault(record.id, []).append(record)
    return [
        SectionHistory(section, _versions(section, records_by_section.get(section.pk, [])))
        for section in report.sections.order_by("position")
    ]


def section_versions(section: ReportSection) -> list[Version]:
    records = list(
        section.history.exclude(history_type="-")
        .select_related("history_user")
        .prefetch_related(people_with_organisations("history_user"))
        .order_by("-history_date", "-history_id")
    )
    return _versions(section, records)


def personal_data_of(user) -> dict:
    """What the reports app holds about `user`, for the export of their data. A version names
    the text it saved (the text is the partnership's report); drafts and comments are given in
    full, they are the person's own words."""
    return {
        "section_versions_saved": [
            {
                "report": record.report.title,
                "section": str(SPECS[record.key].title),
                "version": record.version,
                "saved": record.history_date.isoformat(),
            }
            for record in HistoricalReportSection.objects.filter(history_user=user)
            .select_related("report")
            .order_by("history_date", "history_id")
        ],
        "section_drafts": [
            {
                "report": draft.section.report.title,
                "section": str(draft.section.title),
                "text": draft.body,
                "saved": draft.saved_at.isoformat(),
            }
            for draft in SectionDraft.objects.filter(author=user).select_related("section__report")
        ],
        "comments": [
            {
                "report": comment.report.title,
                "section": str(comment.section.title) if comment.section else "",
                "text": comment.body,
                "written": comment.created_at.isoformat(),
                "resolved": comment.resolved_at.isoformat() if comment.resolved_at else None,
            }
            for comment in ReviewComment.objects.filter(author=user).select_related(
                "report", "section"
            )
        ],
        "compendiums_requested": [
            {
                "requested": compendium.created_at.isoformat(),
                "language": compendium.language,
                "reports": compendium.report_ids,
            }
            for compendium in Compendium.objects.filter(requested_by=user).order_by("created_at")
        ],
    }


def missing_required_sections(report: SituationAnalysisReport) -> list[str]:
    """Titles of the outline's required sections that are still empty."""
    return [
        str(section.title)
        for section in report.sections.all()
        if section.spec.required and not section.body.strip()
    ]


# --- compendiums -----------------------------------------------------------------------------


def selectable_reports(user):
    """The reports a coordinator may put in a compendium: all those they can see."""
    return access.filter_visible(SituationAnalysisReport.objects.all(), user).select_related(
        "region"
    )


def compendium_for(pk) -> Compendium:
    """Coordinators share their compendiums: the caller has checked the role."""
    return get_object_or_404(
        Compendium.objects.select_related("requested_by").prefetch_related(
            people_with_organisations("requested_by")
        ),
        pk=pk,
    )


@dataclass(frozen=True)
class CompendiumProgress:
    """What the progress page and its status JSON say about a compendium."""

    status: str
    done: int
    total: int
    message: str
    error: str

    @property
    def bar_max(self) -> int:
        """One step per document, and one for laying the whole PDF out (the longest step)."""
        return self.total + 1

    @property
    def bar_value(self) -> int:
        return self.bar_max if self.status == CompendiumStatus.DONE else min(self.done, self.total)

    @property
    def is_finished(self) -> bool:
        return self.status in (CompendiumStatus.DONE, CompendiumStatus.FAILED)


def compendium_progress(compendium: Compendium) -> CompendiumProgress:
    done, total = compendium.done, compendium.total
    # Reports only: the words name them; with other documents (action plans…), parts.
    only_reports = not any(compendium.document_ids.values())
    match compendium.status:
        case CompendiumStatus.QUEUED:
            message = _("Waiting for the background worker to start…")
        case CompendiumStatus.RUNNING if total and done < total:
            message = (
                _("Report %(current)d of %(total)d…")
                if only_reports
                else _("Document %(current)d of %(total)d…")
            ) % {"current": done + 1, "total": total}
        case CompendiumStatus.RUNNING if total:
            message = (
                ngettext(
                    "Laying out the PDF of %(total)d report…",
                    "Laying out the PDF of %(total)d reports…",
                    total,
                )
                if only_reports
                else ngettext(
                    "Laying out the PDF of %(total)d document…",
                    "Laying out the PDF of %(total)d documents…",
                    total,
                )
            ) % {"total": total}
        case CompendiumStatus.RUNNING:
            message = _("Starting…")
        case CompendiumStatus.DONE:
            message = (
                ngettext(
                    "The compendium is ready: %(total)d report.",
                    "The compendium is ready: %(total)d reports.",
                    total,
                )
                if only_reports
                else ngettext(
                    "The compendium is ready: %(total)d document.",
                    "The compendium is ready: %(total)d documents.",
                    total,
                )
            ) % {"total": total}
        case _:
            message = _("The compendium could not be made.")
    return CompendiumProgress(compendium.status, done, total, message, compendium.error)


def download_filename(compendium: Compendium) -> str:
    day = timezone.localdate(compendium.finished_at or compendium.created_at)
    return f"interventures-compendium-{day:%Y-%m-%d}.pdf"


# --- PDFs --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PDFProgress:
    """What a PDF's progress page and its status JSON say: one layout, no steps to count."""

    status: str
    message: str
    error: str
    bar_max = 1

    @property
    def bar_value(self) -> int | None:
        """None (an indeterminate bar) while the PDF is waiting or being laid out."""
        match self.status:
            case PDFJobStatus.DONE:
                return 1
            case PDFJobStatus.FAILED:
                return 0
        return None

    @property
    def is_finished(self) -> bool:
        return self.status in (PDFJobStatus.DONE, PDFJobStatus.FAILED)


def pdf_progress(job: PDFJob | None) -> PDFProgress:
    """The progress of `job`; None when the PDF is ready (in the cache, its job gone)."""
    if job is None:
        return PDFProgress(PDFJobStatus.DONE, _("The PDF is ready."), "")
    match job.status:
        case PDFJobStatus.QUEUED:
            return PDFProgress(job.status, _("Waiting for the background worker to start…"), "")
        case PDFJobStatus.RUNNING:
            return PDFProgress(job.status, _("Laying out the PDF…"), "")
    return PDFProgress(job.status, _("The PDF could not be made."), _pdf_failure_reason(job))


def _pdf_failure_reason(job: PDFJob) -> str:
    match job.failure:
        case PDFFailure.TIMEOUT:
            return _(
                "Laying it out took longer than the limit of %(seconds)d seconds, so it was "
                "stopped. The document may contain a very long or deeply nested table."
            ) % {"seconds": settings.PDF_RENDER_TIMEOUT_SECONDS}
        case PDFFailure.MEMORY:
            return _(
                "Laying it out needed more than the limit of %(megabytes)d MB of memory, so it "
                "was stopped. The document may contain a very long or deeply nested table."
            ) % {"megabytes": settings.PDF_RENDER_MEMORY_MB}
    return _("Something went wrong while laying it out.")


def pdf_retry_minutes() -> int:
    """After how many minutes a failed PDF is laid out again when asked for."""
    return max(1, math.ceil(settings.PDF_FAILURE_CACHE_SECONDS / 60))


# --- the dashboard -----------------------------------------------------------------------------

# The workflow steps that hand a report back to its region's editors, with a reason.
RETURNING_VERBS = ("report.changes_requested", "report.reopened")


@dataclass(frozen=True)
class ReportWork:
    """A report as the dashboard lists it: how far it is and what it waits for."""

    report: SituationAnalysisReport
    required_written: int
    required_total: int
    missing: list[str]
    returned: ActivityEntry | None  # the step that returned it (its reason), while returned


def _missing_by_report(report_ids: list[int]) -> dict[int, list[str]]:
    """The titles of each report's empty required sections, in outline order: one query that
    reads the keys of empty sections, never the texts."""
    missing: dict[int, list[str]] = {pk: [] for pk in report_ids}
    empty = (
        ReportSection.objects.filter(report_id__in=report_ids, body="")
        .order_by("report_id", "position")
        .values_list("report_id", "key")
    )
    for report_id, key in empty:
        if SPECS[key].required:
            missing[report_id].append(str(SPECS[key].title))
    return missing


def _returning_steps(report_ids: list[int]) -> dict[int, ActivityEntry]:
    """Each report's latest step that returned it to its editors, with its actor (and the
    actor's organisations, for their name): two queries."""
    entries = (
        ActivityEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(SituationAnalysisReport),
            object_id__in=[str(pk) for pk in report_ids],
            verb__in=RETURNING_VERBS,
        )
        .select_related("actor")
        .prefetch_related(people_with_organisations("actor"))
        .order_by("-created_at", "-pk")
    )
    latest: dict[int, ActivityEntry] = {}
    for entry in entries:
        latest.setdefault(int(entry.object_id), entry)
    return latest


def report_work(user) -> list[ReportWork]:
    """The reports of the user's regions that are not approved yet, with the required sections
    written and missing and, for a returned report, the step that returned it; soonest due
    first. Four queries, however many reports."""
    reports = list(
        SituationAnalysisReport.objects.filter(region_id__in=roles_of(user).member_region_ids)
        .exclude(status=ReportStatus.APPROVED)
        .select_related("region")
        .order_by(F("due_date").asc(nulls_last=True), "region__name", "-created_at")
    )
    ids = [report.pk for report in reports]
    missing = _missing_by_report(ids)
    returned_ids = [r.pk for r in reports if r.status == ReportStatus.CHANGES_REQUESTED]
    returned = _returning_steps(returned_ids) if returned_ids else {}
    required_total = sum(1 for spec in SPECS.values() if spec.required)
    return [
        ReportWork(
            report=report,
            required_written=required_total - len(missing[report.pk]),
            required_total=required_total,
            missing=missing[report.pk],
            returned=returned.get(report.pk),
        )
        for report in reports
    ]


def drafts_of(user) -> QuerySet[SectionDraft]:
    """The user's unsaved autosaves in reports they may still write, newest first."""
    return (
        SectionDraft.objects.filter(
            author=user,
            section__report__region_id__in=roles_of(user).editor_region_ids,
            section__report__status__in=EDITABLE_STATUSES,
        )
        .select_related("section__report")
        .only(
            "saved_at",
            "section__key",
            "section__report__id",
            "section__report__title",
            "section__report__language",
        )
    )


def returned_reports(user) -> QuerySet[SituationAnalysisReport]:
    """The reports of the user's regions as editor that were returned to them for changes."""
    return SituationAnalysisReport.objects.filter(
        region_id__in=roles_of(user).editor_region_ids, status=ReportStatus.CHANGES_REQUESTED
    )


def submitted_reports() -> QuerySet[SituationAnalysisReport]:
    """Reports waiting for a coordinator's review, oldest submission first; `submitted_at` is
    when they were last submitted (one query with the subquery)."""
    submitted = ActivityEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(SituationAnalysisReport),
        object_id=Cast(OuterRef("pk"), CharField()),
        verb="report.submitted",
    ).order_by("-created_at")
    return (
        SituationAnalysisReport.objects.filter(status=ReportStatus.IN_REVIEW)
        .select_related("region")
        .annotate(
            submitted_at=Coalesce(Subquery(submitted.values("created_at")[:1]), F("updated_at"))
        )
        .order_by("submitted_at", "pk")
    )


def overdue_reports() -> QuerySet[SituationAnalysisReport]:
    """Every region's reports past their due date and not approved, most overdue first."""
    return (
        SituationAnalysisReport.objects.filter(due_date__lt=portal_today())
        .exclude(status=ReportStatus.APPROVED)
        .select_related("region")
        .order_by("due_date", "region__name")
    )


def newest_reports_by_region() -> dict[int, SituationAnalysisReport]:
    """Each region's newest report (coordinators see them all), in one query."""
    newest: dict[int, SituationAnalysisReport] = {}
    for report in SituationAnalysisReport.objects.order_by("region_id", "-created_at"):
        newest.setdefault(report.region_id, report)
    return newest


def region_editors(region_id: int) -> QuerySet[User]:
    """The active editors of the region's partner organisations."""
    return User.objects.filter(
        is_active=True,
        memberships__role=Membership.Role.EDITOR,
        memberships__organisation__region_id=region_id,
    ).distinct()


def compendiums_of(user, *, limit: int = 10) -> list[Compendium]:
    """The compendiums the user asked for, newest first."""
    return list(Compendium.objects.filter(requested_by=user).order_by("-created_at")[:limit])


@dataclass
class RegionColumn:
    """One region's column of the comparison: the newest report the reader may see (None when
    there is none), its section, and for the SWOT the section's quadrants (None when its text
    is not laid out as quadrants)."""

    region: Region
    report: SituationAnalysisReport | None
    section: ReportSection | None
    quadrants: dict[Quadrant, str] | None = None

    @property
    def quadrant_texts(self) -> list[tuple[Quadrant, str]]:
        """The quadrants in the SWOT's order, for the template."""
        return [(quadrant, (self.quadrants or {}).get(quadrant, "")) for quadrant in Quadrant]

    @property
    def last_changed(self):
        if self.section is not None and self.section.last_edited_at:
            return self.section.last_edited_at
        return self.report.updated_at if self.report is not None else None


@dataclass
class SectionComparison:
    spec: Any
    columns: list[RegionColumn]
    is_swot: bool
    themes: dict[Quadrant, list[Theme]]


def _newest_visible_by_region(user) -> dict[int, SituationAnalysisReport]:
    """Each region's newest report the user may see (one query, and the user's roles)."""
    newest: dict[int, SituationAnalysisReport] = {}
    visible = access.filter_visible(SituationAnalysisReport.objects.all(), user)
    for report in visible.order_by("region_id", "-created_at", "-pk"):
        newest.setdefault(report.region_id, report)
    return newest


def compare_section(user, key: str) -> SectionComparison:
    """A section of the outline for every region, side by side, in four queries whatever the
    number of regions and reports: the regions, the reports the user may see (the newest per
    region is kept), their sections of that key, and the user's roles."""
    spec = SPECS.get(key)
    if spec is None:
        raise Http404
    newest = _newest_visible_by_region(user)
    sections = {
        section.report_id: section
        for section in ReportSection.objects.filter(
            report__in=[report.pk for report in newest.values()], key=key
        )
    }
    is_swot = key == SectionKey.SWOT
    columns = []
    for region in sorted_by_name(Region.objects.all()):
        report = newest.get(region.pk)
        section = quadrants = None
        if report is not None:
            section = sections.get(report.pk)
            if is_swot and section is not None and section.body:
                quadrants = split_quadrants(section.body, report.language)
        columns.append(RegionColumn(region, report, section, quadrants))
    themes = (
        recurring_themes(
            {column.region.name: column.quadrants for column in columns if column.quadrants}
        )
        if is_swot
        else {}
    )
    return SectionComparison(spec, columns, is_swot, themes)


# --- indicators across the regions ----------------------------------------------------------


@dataclass(frozen=True)
class RegionValue:
    """A region's figure for a shared code, from the newest report the reader may see."""

    region: Region
    report: SituationAnalysisReport
    indicator: Indicator

    @property
    def in_code_unit(self) -> bool:
        unit = self.indicator.code.unit if self.indicator.code else ""
        return self.indicator.unit.strip().casefold() == unit.strip().casefold()


@dataclass(frozen=True)
class CodeComparison:
    """One shared code: the regions' values (by region, then year) and the regions without."""

    code: IndicatorCode
    values: list[RegionValue]
    regions_without: list[Region]

    @property
    def charted(self) -> list[RegionValue]:
        """The values in the code's unit: only those share the chart's scale."""
        return [value for value in self.values if value.in_code_unit]

    @property
    def other_units(self) -> list[RegionValue]:
        return [value for value in self.values if not value.in_code_unit]

    @property
    def years(self) -> list[int]:
        return sorted({value.indicator.year for value in self.values})

    @property
    def years_differ(self) -> bool:
        return len(self.years) > 1

    @property
    def names_differ(self) -> bool:
        """The regions name the figure differently: what they measure may differ too."""
        return len({" ".join(value.indicator.name.casefold().split()) for value in self.values}) > 1


@dataclass(frozen=True)
class UncodedIndicators:
    """A region's indicators that name no shared code: they cannot be compared."""

    region: Region
    report: SituationAnalysisReport
    indicators: list[Indicator]


@dataclass(frozen=True)
class IndicatorComparison:
    codes: list[CodeComparison]
    uncoded: list[UncodedIndicators]
    regions_without_report: list[Region]


def compare_indicators(user) -> IndicatorComparison:
    """Every shared code with each region's values from the newest report the reader may see
    (visitors approved reports only, partners and coordinators the drafts they may see), and
    each region's indicators without a code. Five queries whatever the number of regions,
    reports, codes and indicators: the user's roles, the reports, the regions, the codes and
    the indicators."""
    newest = _newest_visible_by_region(user)
    regions = sorted_by_name(Region.objects.all())
    codes = list(IndicatorCode.objects.all())
    by_code: dict[int, list[RegionValue]] = {code.pk: [] for code in codes}
    uncoded: dict[int, list[Indicator]] = {}
    region_of = {region.pk: region for region in regions}
    report_of = {report.pk: report for report in newest.values()}
    indicators = Indicator.objects.filter(report__in=list(report_of)).select_related("code")
    for indicator in indicators.order_by("report_id", "year", "position", "pk"):
        report = report_of[indicator.report_id]
        indicator.report = report
        if indicator.code_id is None:
            uncoded.setdefault(report.region_id, []).append(indicator)
        else:
            by_code[indicator.code_id].append(
                RegionValue(region_of[report.region_id], report, indicator)
            )
    comparisons = []
    for code in codes:
        values = sorted(
            by_code[code.pk], key=lambda value: (value.region.name, value.indicator.year)
        )
        with_value = {value.region.pk for value in values}
        comparisons.append(
            CodeComparison(
                code=code,
                values=values,
                regions_without=[region for region in regions if region.pk not in with_value],
            )
        )
    return IndicatorComparison(
        codes=comparisons,
        uncoded=[
            UncodedIndicators(region, newest[region.pk], uncoded[region.pk])
            for region in regions
            if region.pk in uncoded
        ],
        regions_without_report=[region for region in regions if region.pk not in newest],
    )
