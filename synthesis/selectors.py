"""Reads of the synthesis app, each in a fixed number of queries."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from interventures.richtext import plain_text
from partners.selectors import people_with_organisations
from reports.models import ReportSection, ReportStatus

from . import access
from .models import Citation, Synthesis, SynthesisComment, SynthesisSection, SynthesisStatus

User = get_user_model()


def synthesis_list(user) -> QuerySet[Synthesis]:
    return access.filter_visible(Synthesis.objects.all(), user)


def published_syntheses() -> QuerySet[Synthesis]:
    """The approved ones, for the public list of the partnership's documents."""
    return Synthesis.objects.filter(status=SynthesisStatus.APPROVED)


def synthesis_for(user, pk: int) -> Synthesis:
    """The synthesis if `user` may see it; 404 otherwise (a draft's existence is not told)."""
    return get_object_or_404(synthesis_list(user), pk=pk)


def _citations() -> Prefetch:
    return Prefetch(
        "citations",
        queryset=Citation.objects.select_related("source__report__region").order_by(
            "paragraph", "pk"
        ),
    )


def synthesis_detail(user, pk: int) -> Synthesis:
    """The synthesis with its sections, their writers and their citations' sources."""
    sections = SynthesisSection.objects.select_related("last_edited_by").prefetch_related(
        _citations()
    )
    return get_object_or_404(
        synthesis_list(user).prefetch_related(
            Prefetch("sections", queryset=sections.order_by("position"))
        ),
        pk=pk,
    )


def section_for(synthesis: Synthesis, key: str) -> SynthesisSection:
    section = get_object_or_404(
        SynthesisSection.objects.select_related("last_edited_by").prefetch_related(_citations()),
        synthesis=synthesis,
        key=key,
    )
    section.synthesis = synthesis
    return section


def citation_for(synthesis: Synthesis, citation_pk: int) -> Citation:
    return get_object_or_404(
        Citation.objects.select_related("section", "source__report__region", "cited_by"),
        section__synthesis=synthesis,
        pk=citation_pk,
    )


def citable_sections() -> QuerySet[ReportSection]:
    """The regional report sections with text, by region, report and outline order."""
    return (
        ReportSection.objects.exclude(body="")
        .select_related("report__region")
        .order_by("report__region__name", "report__title", "report_id", "position")
    )


def paragraphs_of(body: str) -> list[str]:
    """The words of each paragraph of a section's (sanitised) text, in order."""
    return [plain_text(part) for part in body.split("</p>")[:-1]]


def missing_sections(synthesis: Synthesis) -> list[str]:
    """The titles of the sections with no words yet."""
    return [
        str(section.title)
        for section in synthesis.sections.all()
        if not plain_text(section.body) and "<img" not in section.body
    ]


def unapproved_sources(synthesis: Synthesis) -> list[str]:
    """The cited reports that are not approved (a published synthesis cites published texts)."""
    titles = (
        Citation.objects.filter(section__synthesis=synthesis)
        .exclude(source__report__status=ReportStatus.APPROVED)
        .values_list("source__report__title", flat=True)
        .distinct()
    )
    return sorted(titles)


def people_who_can_see(synthesis, query: str = "") -> QuerySet:
    """Who reads the synthesis's comments: the coordinators and every region's partners, whose
    names contain every word of `query`; with their organisations, by name."""
    people = User.objects.filter(
        Q(is_coordinator=True) | Q(memberships__organisation__region__isnull=False),
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


def personal_data_of(user) -> dict:
    """What the synthesis app holds about `user`, for the export of their data: the versions
    they saved (named, the text is the partnership's), their citations and their comments in
    full (their own words)."""
    return {
        "synthesis_versions_saved": [
            {
                "synthesis": record.synthesis.title,
                "section": str(record.instance.title),
                "version": record.version,
                "saved": record.history_date.isoformat(),
            }
            for record in SynthesisSection.history.filter(history_user=user)
            .select_related("synthesis")
            .order_by("history_date", "history_id")
        ],
        "synthesis_citations": [
            {
                "synthesis": citation.section.synthesis.title,
                "cited": str(citation.source),
                "when": citation.cited_at.isoformat(),
            }
            for citation in Citation.objects.filter(cited_by=user)
            .select_related("section__synthesis", "source__report")
            .order_by("cited_at", "pk")
        ],
        "synthesis_comments": [
            {
                "synthesis": comment.synthesis.title,
                "section": str(comment.section.title) if comment.section else "",
                "text": comment.body,
                "written": comment.created_at.isoformat(),
                "resolved": comment.resolved_at.isoformat() if comment.resolved_at else None,
            }
            for comment in SynthesisComment.objects.filter(author=user)
            .select_related("synthesis", "section")
            .order_by("created_at", "pk")
        ],
    }
