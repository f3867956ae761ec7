"""Published practices as schema.org JSON-LD: on each practice's page (for search engines) and as
the dataset's JSON-LD distribution (`/practices/export.jsonld`), from the one `practice_data`.

URLs are absolute on SITE_URL, the portal's public address, so the data names the same page
whichever host or language it was fetched through. Contact details never appear: the page shows
them to people, with consent, but linked data is copied far beyond it.
"""

import json
from collections.abc import Iterator

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import translation

from .exports import ATTRIBUTION, CHUNK, LICENCE_URL
from .models import GoodPractice

# As django.utils.html.json_script: the JSON cannot close its <script> element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def site_url(path: str) -> str:
    return settings.SITE_URL + path


def dataset_uri() -> str:
    """The dataset's identifier, shared with the DCAT-AP catalogue (practices/catalogue.py)."""
    with translation.override(settings.LANGUAGE_CODE):
        return site_url(reverse("open_data")) + "#good-practices"


def publisher() -> dict:
    return {"@type": "Organization", "name": ATTRIBUTION, "url": site_url("/")}


def practice_data(practice: GoodPractice) -> dict:
    """A practice as a schema.org CreativeWork (themes prefetched, region and owner joined)."""
    url = site_url(practice.get_absolute_url())
    data = {
        "@type": "CreativeWork",
        "@id": url,
        "url": url,
        "name": practice.title,
        "description": practice.summary,
        "inLanguage": practice.language,
        "creator": {"@type": "Organization", "name": practice.owner.name},
        "publisher": publisher(),
        "license": LICENCE_URL,
        "keywords": [theme.name for theme in practice.themes.all()],
        "spatialCoverage": {
            "@type": "Place",
            "name": practice.region.name,
            "address": {"@type": "PostalAddress", "addressCountry": practice.region.country},
        },
        "dateCreated": practice.created_at.isoformat(timespec="seconds"),
        "dateModified": practice.updated_at.isoformat(timespec="seconds"),
        "isPartOf": {"@type": "Dataset", "@id": dataset_uri()},
    }
    if practice.published_at:
        data["datePublished"] = practice.published_at.isoformat(timespec="seconds")
    if practice.start_year:
        data["temporalCoverage"] = f"{practice.start_year}/{practice.end_year or '..'}"
    return data


def script_element(data: dict) -> str:
    """The JSON of a `<script type="application/ld+json">`, safe inside HTML."""
    return json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False).translate(
        _SCRIPT_ESCAPES
    )


def dataset_chunks(practices: QuerySet[GoodPractice]) -> Iterator[str]:
    """The whole dataset as one schema.org Dataset whose parts are the practices, streamed."""
    head = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": dataset_uri(),
        "name": "INTER VENTURES good practices",
        "license": LICENCE_URL,
        "creditText": ATTRIBUTION,
        "publisher": publisher(),
    }
    yield json.dumps(head, ensure_ascii=False)[:-1] + ', "hasPart": ['
    rows = practices.prefetch_related("themes").iterator(chunk_size=CHUNK)
    for index, practice in enumerate(rows):
        yield (
            ("," if index else "") + "\n" + json.dumps(practice_data(practice), ensure_ascii=False)
        )
    yield "\n]}\n"
