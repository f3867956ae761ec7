"""Open data: the published practices of the current filter as CSV or JSON, CC BY 4.0.

Both formats stream: rows are read in chunks (themes prefetched per chunk), never one query per
row. Contact details appear only while the contact's consent is recorded.

The licence travels with the file and the response: an HTTP `Link: <…>; rel="license"` header on
both, a top-level "licence" object in JSON, and in CSV a `licence` column (the same URL on every
row): a comment line before the header or a footer row would break CSV readers and type
inference, while a column survives any row being copied elsewhere.

Names (region, owner organisation, themes) are English unless the `lang` parameter asks for
another of the portal's languages, whatever the page's language: a harvester gets the same file
from every address. Codes (country, instrument type, progress, language) never change.

CSV cells a spreadsheet would run as a formula (starting with = + - @, tab or carriage return)
get a leading apostrophe, and the file starts with a UTF-8 byte-order mark so Excel reads it as
UTF-8 (ő, ł, ė stay intact).
"""

import csv
import json
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone, translation

from interventures.collation import sorted_by_name
from interventures.spreadsheets import neutralise

from .models import RECORD, GoodPractice

LICENCE_NAME = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "INTER VENTURES, Interreg Europe"
CHUNK = 500

# The record's order; where the record names its owner, the export writes the practice's page,
# its region and country and the owner organisation.
FIELDS = [
    column
    for name in RECORD
    for column in (
        ("url", "region", "country", "owner_organisation") if name == "owner" else (name,)
    )
] + ["published_at", "contact_name", "contact_email"]


def export_language(query) -> str | None:
    """The language of the names asked for by `lang` (English without it), None if unknown."""
    language = query.get("lang") or settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    return language if language in dict(settings.LANGUAGES) else None


def in_language(chunks: Iterable[str], language: str) -> Iterator[str]:
    """`chunks` made in `language`: a streamed response makes them after the view returned."""
    chunks = iter(chunks)
    while True:
        with translation.override(language):
            chunk = next(chunks, None)
        if chunk is None:
            return
        yield chunk


def filename(extension: str) -> str:
    return f"interventures-good-practices-{timezone.localdate().isoformat()}.{extension}"


def record(practice: GoodPractice, base_url: str) -> dict:
    """The public fields of one practice (contact only with recorded consent)."""
    consent = practice.shows_contact
    return {
        "title": practice.title,
        "url": base_url + practice.get_absolute_url(),
        "region": practice.region.name,
        "country": practice.region.country,
        "owner_organisation": practice.owner.name,
        "main_institution": practice.main_institution,
        "location": practice.location,
        "summary": practice.summary,
        "description": practice.description,
        "resources_needed": practice.resources_needed,
        "evidence_of_success": practice.evidence_of_success,
        "difficulties": practice.difficulties,
        "potential_for_transfer": practice.potential_for_transfer,
        "themes": [theme.name for theme in sorted_by_name(practice.themes.all())],
        "instrument_type": practice.instrument_type,
        "progress": practice.progress,
        "start_year": practice.start_year,
        "end_year": practice.end_year,
        "website": practice.website,
        "language": practice.language,
        "published_at": practice.published_at.isoformat() if practice.published_at else None,
        "contact_name": practice.contact_name if consent else "",
        "contact_email": practice.contact_email if consent else "",
    }


def records(practices: QuerySet[GoodPractice], base_url: str) -> Iterator[dict]:
    for practice in practices.prefetch_related("themes").iterator(chunk_size=CHUNK):
        yield record(practice, base_url)


class _Line:
    """A file-like object whose write() hands the CSV line back to the generator."""

    def write(self, value):
        return value


def csv_lines(rows: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow([*FIELDS, "licence"])
    for row in rows:
        cells = ["; ".join(row[name]) if name == "themes" else row[name] for name in FIELDS]
        yield writer.writerow([*(neutralise(cell) for cell in cells), LICENCE_URL])


def json_chunks(rows: Iterable[dict], *, query: dict) -> Iterator[str]:
    """{"licence": …, "attribution": …, "generated_at": …, "query": …, "practices": [ … ]}."""
    head = {
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "attribution": ATTRIBUTION,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "query": query,
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "practices": ['
    for index, row in enumerate(rows):
        yield ("," if index else "") + "\n" + json.dumps(row, ensure_ascii=False)
    yield "\n]}\n"
