"""Citations in the synthesis's text: numbered through the whole document, marked at the end of
the paragraph that cites, as a link to the regional section on the web and as a footnote in the
PDF (WeasyPrint's `float: footnote`).

The section texts are sanitised on every save (`interventures.richtext`); the marks are built
here from escaped values only, so the result is as safe as the text it is put into."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from reports.models import ReportStatus

from .models import Citation, SynthesisSection


@dataclass(frozen=True)
class NumberedCitation:
    number: int
    citation: Citation

    @property
    def source(self):
        return self.citation.source

    @property
    def url(self) -> str:
        """The cited section on its report's page."""
        report_url = reverse("reports:report_detail", kwargs={"pk": self.source.report_id})
        return f"{report_url}#section-{self.source.key}"

    @property
    def is_public(self) -> bool:
        return self.source.report.status == ReportStatus.APPROVED

    @property
    def label(self) -> str:
        """“Region, ‘Report’, section ‘Title’”, in the active language."""
        return _("%(region)s, “%(report)s”, section “%(section)s”") % {
            "region": self.source.report.region.name,
            "report": self.source.report.title,
            "section": self.source.title,
        }


def numbered(sections: list[SynthesisSection]) -> dict[int, list[NumberedCitation]]:
    """Each section's citations (prefetched), numbered in the document's order."""
    result: dict[int, list[NumberedCitation]] = {}
    number = 0
    for section in sections:
        rows = []
        for citation in section.citations.all():
            number += 1
            rows.append(NumberedCitation(number, citation))
        result[section.pk] = rows
    return result


def _web_mark(row: NumberedCitation) -> SafeString:
    return format_html(
        '<sup class="citation-mark" id="cite-{}"><a href="{}" aria-label="{}">[{}]</a></sup>',
        row.number,
        row.url,
        _("Source %(number)s: %(source)s") % {"number": row.number, "source": row.label},
        row.number,
    )


def _cited_on(row: NumberedCitation) -> str:
    cited_on = date_format(row.citation.confirmed_at or row.citation.cited_at, "DATE_FORMAT")
    return _("(version %(version)s, cited on %(date)s).") % {
        "version": row.citation.cited_version,
        "date": cited_on,
    }


def _print_mark(row: NumberedCitation) -> SafeString:
    return format_html('<span class="footnote">{} {}</span>', row.label, _cited_on(row))


def _export_mark(row: NumberedCitation) -> SafeString:
    """A Word or OpenDocument footnote (`interventures.docx`): the source and its link."""
    return format_html(
        '<fn>{} {} <a href="{}">{}</a></fn>', row.label, _cited_on(row), row.url, _("On the portal")
    )


MARKS = {"web": _web_mark, "print": _print_mark, "export": _export_mark}


def _with_marks(body: str, marks: dict[int, list[SafeString]]) -> SafeString:
    """`body` with each paragraph's marks before its closing tag; marks of a paragraph that no
    longer exists (the text was shortened) go to the last one, or to a paragraph of their own."""
    parts = body.split("</p>")
    count = len(parts) - 1
    ends: dict[int, list[SafeString]] = {}
    for paragraph, paragraph_marks in sorted(marks.items()):
        ends.setdefault(min(paragraph, count), []).extend(paragraph_marks)
    text = []
    for index, part in enumerate(parts):
        text.append(part)
        if index < count:
            text.append("".join(ends.get(index + 1, [])) + "</p>")
    if count == 0 and ends:
        text.append("<p>" + "".join(ends[0]) + "</p>")
    return mark_safe("".join(text))  # noqa: S308  # sanitised text and escaped marks


def cited_body(section: SynthesisSection, rows: list[NumberedCitation], *, kind: str = "web"):
    """The section's text with its citation marks: links on the web, footnotes in print
    ("print") and in the Word and OpenDocument exports ("export")."""
    mark = MARKS[kind]
    marks: dict[int, list[SafeString]] = {}
    for row in rows:
        marks.setdefault(row.citation.paragraph, []).append(mark(row))
    return _with_marks(section.body, marks)
