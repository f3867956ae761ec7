"""The synthesis as a Word or OpenDocument file (`/synthesis/<pk>/docx/?lang=it`, `…/odt/`):
what its PDF prints (`synthesis.pdf.printed_synthesis`), each citation a real footnote,
described for the core builders `interventures.docx` and `interventures.odt`."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from interventures.docx import Document, Section
from reports.docx import day, fact, programme_lines
from reports.pdf import check_language

from .citations import cited_body
from .models import Synthesis
from .pdf import printed_synthesis, synthesis_filename


def synthesis_document(synthesis: Synthesis, *, language: str) -> Document:
    """The Word description of `synthesis`, its labels in `language`."""
    check_language(language)
    with translation.override(language):
        printed = printed_synthesis(synthesis)
        kind = _("Interregional synthesis")
        return Document(
            title=synthesis.title,
            subtitle=kind,
            language=language,
            text_language=synthesis.language,
            author="INTER VENTURES",
            draft=printed.is_draft,
            cover_lines=[
                fact(_("Status"), printed.status_label),
                fact(_("Approved on"), day(printed.approved_at))
                if printed.approved_at
                else fact(_("Last updated"), day(printed.updated_at)),
                "",
                *programme_lines(),
            ],
            sections=[
                Section(
                    f"{chapter.number}. {chapter.title}",
                    html=cited_body(chapter.section, chapter.citations, kind="export"),
                )
                for chapter in printed.chapters
            ],
            subject=f"{kind} · INTER VENTURES",
            keywords=", ".join(["INTER VENTURES", "Interreg Europe", kind]),
            created=synthesis.created_at,
            modified=printed.updated_at,
            base_url=settings.SITE_URL,
        )


def export_filename(synthesis: Synthesis, extension: str = "docx") -> str:
    """The PDF's name with `extension`."""
    return synthesis_filename(synthesis).removesuffix(".pdf") + f".{extension}"
