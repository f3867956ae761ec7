"""A report as a Word or OpenDocument file (`/reports/<pk>/docx/?lang=it`, `…/odt/`): what the
PDF prints (`reports.pdf`: the written sections in outline order, the indicators with their year
and source, the titles of the sections not written yet listed once), described for the core
builders `interventures.docx` and `interventures.odt`."""

from django.conf import settings
from django.utils import formats, timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, npgettext, pgettext

from interventures.docx import Document, Section, Table

from . import charts
from .pdf import PrintedReport, _printed, check_language, pdf_filename


def report_document(report, *, language: str) -> Document:
    """The Word description of `report`, its labels in `language`."""
    check_language(language)
    with translation.override(language):
        printed = _printed(report)
        return Document(
            title=report.title,
            subtitle=" · ".join(_subtitle(printed)),
            language=language,
            text_language=report.language,
            author=_author(printed),
            draft=printed.is_draft,
            cover_lines=_cover_lines(printed),
            sections=_sections(printed),
            subject=_(
                "Situation Analysis Report of %(region)s, reference period %(period)s: SME "
                "internationalisation in a border region of the EU."
            )
            % {"region": report.region.name, "period": report.reference_period},
            keywords=", ".join(["INTER VENTURES", "Interreg Europe", report.region.name]),
            created=report.created_at,
            modified=printed.updated_at,
            base_url=settings.SITE_URL,
        )


def export_filename(report, extension: str = "docx") -> str:
    """The PDF's name (`interventures-sar-<region>-<year>-v<version>`) with `extension`."""
    return pdf_filename(report).removesuffix(".pdf") + f".{extension}"


def fact(label: str, value: str) -> str:
    return f"{label}: {value}"


def day(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "DATE_FORMAT")


def programme_lines() -> list[str]:
    """The programme's identity and the EU funding line, as the PDF's cover and its last
    lines print them."""
    return [
        pgettext("programme name", "Interreg Europe") + " · INTER VENTURES",
        _(
            "Policies to promote the internationalisation of SMEs for more competitive "
            "regional ecosystems in border areas of the EU"
        ),
        _("European Union") + " · " + _("European Regional Development Fund"),
    ]


def _subtitle(printed: PrintedReport) -> list[str]:
    # The kicker and the region only when the title does not say them, as on the PDF's cover.
    parts = []
    if printed.cover_kicker:
        parts.append(_("Situation Analysis Report"))
    if printed.cover_region:
        parts.append(printed.report.region.name)
    return parts


def _author(printed: PrintedReport) -> str:
    names = [organisation.name for organisation in printed.organisations]
    return "; ".join(names) or printed.report.region.name


def _cover_lines(printed: PrintedReport) -> list[str]:
    report = printed.report
    lines = [
        fact(_("Reference period"), report.reference_period),
        fact(_("Status"), printed.status_label),
        fact(_("Approved on"), day(printed.approved_at))
        if printed.approved_at
        else fact(_("Last updated"), day(printed.updated_at)),
    ]
    if printed.organisations:
        label = npgettext(
            "heading on the report cover",
            "Partner organisation",
            "Partner organisations",
            len(printed.organisations),
        )
        lines.append(fact(label, _author(printed)))
    return [*lines, "", *programme_lines()]


def _sections(printed: PrintedReport) -> list[Section]:
    sections = [
        Section(f"{section.number}. {section.title}", html=section.body)
        for section in printed.sections
    ]
    sections.append(_indicators(printed))
    if printed.unwritten_section:
        unwritten = printed.unwritten_section
        sentence = ngettext(
            "This section of the outline is not written yet, so it is left out of this document:",
            "These sections of the outline are not written yet, so they are left out of this "
            "document:",
            len(printed.unwritten),
        )
        items = format_html_join("", "<li>{}</li>", ((title,) for title in printed.unwritten))
        sections.append(
            Section(
                f"{unwritten.number}. {unwritten.title}",
                html=format_html("<p>{}</p><ul>{}</ul>", sentence, items),
            )
        )
    return sections


def _indicators(printed: PrintedReport) -> Section:
    section = printed.indicators_section
    heading = f"{section.number}. {section.title}"
    if not printed.indicators:
        return Section(heading, html=format_html("<p>{}</p>", _("No indicators yet.")))
    table = Table(
        caption=_("Indicators of “%(title)s”") % {"title": printed.report.title},
        header=[_("Indicator"), _("Value"), _("Year"), _("Source")],
        rows=[
            [
                indicator.name,
                charts.value_with_unit(indicator.value, indicator.unit),
                str(indicator.year),
                indicator.source,
            ]
            for indicator in printed.indicators
        ],
    )
    return Section(heading, tables=[table])
