"""The good-practice dataset described for data portals: a DCAT-AP catalogue made with rdflib
(`/open-data/catalogue.jsonld` and `.ttl`), and the facts the `/open-data/` page states.

The controlled values are the EU's (data.europa.eu harvests and scores them): themes from the
Data Theme vocabulary, languages from the Languages authority table, formats from File Type,
the licence from Licence, the update rhythm from Frequency, spatial coverage as NUTS codes (each
region's `nuts_code`). Dates, languages, regions and keywords are read from the published
practices, so the catalogue changes with the data.
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.db.models import Count, Field, Max, Min
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, RDFS, XSD

from partners.models import Region

from .exports import FIELDS, LICENCE_NAME, LICENCE_URL
from .linked_data import dataset_uri, site_url
from .models import GoodPractice, Theme

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
AUTHORITY = "http://publications.europa.eu/resource/authority/"
NUTS = "http://data.europa.eu/nuts/code/"
IANA = "http://www.iana.org/assignments/media-types/"

LICENCE = URIRef(AUTHORITY + "licence/CC_BY_4_0")
THEMES = ("ECON", "REGI")  # Economy and finance; Regions and cities
FREQUENCY = URIRef(AUTHORITY + "frequency/IRREG")  # whenever a practice is published or changed
STABLE = URIRef(AUTHORITY + "planned-availability/STABLE")
# The portal's languages (settings.LANGUAGES) in the EU Languages authority table.
EU_LANGUAGES = {"en": "ENG", "it": "ITA", "hu": "HUN", "pl": "POL", "es": "SPA", "lt": "LIT"}


def _authority(table: str, code: str) -> URIRef:
    return URIRef(f"{AUTHORITY}{table}/{code}")


TITLE = _("Good practices for the internationalisation of SMEs")
DESCRIPTION = _(
    "Experiences, activities and policies of public institutions in five EU border regions "
    "(Hungary, Italy, Poland, Spain, Lithuania) with concrete results for the "
    "internationalisation of small and medium-sized firms, as recorded and published by the "
    "INTER VENTURES partnership (Interreg Europe): one record per practice, with its region, "
    "owner organisation, description, resources, evidence of success, themes and timescale."
)
PUBLISHER = "INTER VENTURES, Interreg Europe"
CONTACT = _("INTER VENTURES partnership, open data")


@dataclass(frozen=True)
class Distribution:
    """One way of getting the dataset; the catalogue and the `/open-data/` page both list these."""

    key: str
    url_name: str
    title: Promise
    description: Promise
    media_type: str
    file_type: str

    @property
    def url(self) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return site_url(reverse(self.url_name))

    @property
    def path(self) -> str:
        """The URL in the reader's language (the page links it)."""
        return reverse(self.url_name)


DISTRIBUTIONS = (
    Distribution(
        "csv",
        "practices:export_csv",
        _("CSV"),
        _("Every published practice, one row each, UTF-8 with a licence column."),
        "text/csv",
        "CSV",
    ),
    Distribution(
        "json",
        "practices:export_json",
        _("JSON"),
        _("Every published practice as a JSON object, with the licence and the time it was made."),
        "application/json",
        "JSON",
    ),
    Distribution(
        "jsonld",
        "practices:export_jsonld",
        _("JSON-LD (schema.org)"),
        _("Every published practice as linked data with the schema.org vocabulary."),
        "application/ld+json",
        "JSON_LD",
    ),
    Distribution(
        "atom",
        "practices:practice_feed",
        _("Atom feed"),
        _("The most recently published or changed practices, for feed readers."),
        "application/atom+xml",
        "ATOM",
    ),
)


@dataclass(frozen=True)
class DatasetFacts:
    count: int
    issued: datetime | None
    modified: datetime | None
    regions: list[Region]
    languages: list[str]
    keywords: list[str]


def dataset_facts() -> DatasetFacts:
    """What the published practices hold today, in four queries."""
    published = GoodPractice.objects.published()
    dates = published.aggregate(
        count=Count("pk"), issued=Min("published_at"), modified=Max("updated_at")
    )
    return DatasetFacts(
        count=dates["count"],
        issued=dates["issued"],
        modified=dates["modified"],
        regions=list(Region.objects.filter(practices__in=published).distinct().order_by("name")),
        languages=sorted(set(published.values_list("language", flat=True))),
        keywords=list(
            Theme.objects.filter(practices__in=published).distinct().values_list("name", flat=True)
        ),
    )


def _verbose_name(name: str) -> str:
    field = GoodPractice._meta.get_field(name)
    return capfirst(str(field.verbose_name if isinstance(field, Field) else name))


def field_descriptions() -> list[tuple[str, str]]:
    """Each column of the CSV (and key of the JSON) with what it holds, in the reader's language."""
    extra = {
        "url": gettext("The practice's page on this portal"),
        "region": gettext("The partner region the practice comes from"),
        "country": gettext("The region's country, as a two-letter ISO 3166 code"),
        "owner_organisation": gettext("The partner organisation that recorded the practice"),
        "themes": gettext("Themes of SME internationalisation, separated by semicolons in CSV"),
        "language": gettext("The language the practice is written in (ISO 639-1 code)"),
        "published_at": gettext("When it was published (ISO 8601, with time zone)"),
        "contact_name": gettext("A contact person, only while they agree to be shown"),
        "contact_email": gettext("The contact's email address, only while they agree to be shown"),
    }
    columns = [(name, extra.get(name) or _verbose_name(name)) for name in FIELDS]
    return [*columns, ("licence", gettext("The licence's address, on every row (CSV only)"))]


def _texts(text: Promise) -> list[Literal]:
    """The text in English and in each language it is translated into."""
    english = str(text)
    literals = [Literal(english, lang=settings.LANGUAGE_CODE)]
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translated = str(text)
        if code != settings.LANGUAGE_CODE and translated != english:
            literals.append(Literal(translated, lang=code))
    return literals


def _add_texts(graph: Graph, subject, predicate, text: Promise) -> None:
    for literal in _texts(text):
        graph.add((subject, predicate, literal))


def _date(value: datetime) -> Literal:
    return Literal(value.replace(microsecond=0).isoformat(), datatype=XSD.dateTime)


def catalogue_graph() -> Graph:
    """The catalogue, its one dataset and the dataset's distributions (DCAT-AP 3)."""
    facts = dataset_facts()
    graph = Graph()
    for prefix, namespace in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("vcard", VCARD),
        ("dcatap", DCATAP),
    ):
        graph.bind(prefix, namespace)

    with translation.override(settings.LANGUAGE_CODE):
        open_data_page = URIRef(site_url(reverse("open_data")))
        practice_list = URIRef(site_url(reverse("practices:practice_list")))
    catalogue = URIRef(f"{open_data_page}#catalogue")
    dataset = URIRef(dataset_uri())

    publisher = URIRef(f"{open_data_page}#publisher")
    graph.add((publisher, RDF.type, FOAF.Agent))
    graph.add((publisher, FOAF.name, Literal(PUBLISHER)))
    graph.add((publisher, FOAF.homepage, URIRef(site_url("/"))))

    graph.add((LICENCE, RDF.type, DCTERMS.LicenseDocument))
    graph.add((LICENCE, RDFS.label, Literal(LICENCE_NAME)))
    graph.add((LICENCE, RDFS.seeAlso, URIRef(LICENCE_URL)))

    graph.add((catalogue, RDF.type, DCAT.Catalog))
    _add_texts(graph, catalogue, DCTERMS.title, _("INTER VENTURES open data"))
    _add_texts(
        graph,
        catalogue,
        DCTERMS.description,
        _("The open data of the INTER VENTURES portal, for reuse under CC BY 4.0."),
    )
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, FOAF.homepage, open_data_page))
    graph.add((catalogue, DCTERMS.license, LICENCE))
    graph.add((catalogue, DCAT.themeTaxonomy, URIRef(AUTHORITY + "data-theme")))
    graph.add((catalogue, DCAT.dataset, dataset))
    for code, _name in settings.LANGUAGES:
        graph.add((catalogue, DCTERMS.language, _authority("language", EU_LANGUAGES[code])))

    graph.add((dataset, RDF.type, DCAT.Dataset))
    _add_texts(graph, dataset, DCTERMS.title, TITLE)
    _add_texts(graph, dataset, DCTERMS.description, DESCRIPTION)
    graph.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    graph.add((dataset, DCTERMS.publisher, publisher))
    graph.add((dataset, DCTERMS.license, LICENCE))
    graph.add((dataset, DCAT.landingPage, practice_list))
    graph.add((dataset, DCTERMS.accrualPeriodicity, FREQUENCY))
    for theme in THEMES:
        graph.add((dataset, DCAT.theme, _authority("data-theme", theme)))
    for code in facts.languages:
        if code in EU_LANGUAGES:
            graph.add((dataset, DCTERMS.language, _authority("language", EU_LANGUAGES[code])))
    for region in facts.regions:
        if region.nuts_code:
            graph.add((dataset, DCTERMS.spatial, URIRef(NUTS + region.nuts_code)))
    for keyword in facts.keywords:
        graph.add((dataset, DCAT.keyword, Literal(keyword, lang=settings.LANGUAGE_CODE)))
    if facts.issued:
        graph.add((dataset, DCTERMS.issued, _date(facts.issued)))
    if facts.modified:
        graph.add((dataset, DCTERMS.modified, _date(facts.modified)))

    contact = BNode()
    graph.add((dataset, DCAT.contactPoint, contact))
    graph.add((contact, RDF.type, VCARD.Kind))
    _add_texts(graph, contact, VCARD.fn, CONTACT)
    graph.add((contact, VCARD.hasEmail, URIRef("mailto:" + settings.OPEN_DATA_CONTACT_EMAIL)))
    graph.add((contact, VCARD.hasURL, open_data_page))

    for entry in DISTRIBUTIONS:
        distribution = URIRef(f"{open_data_page}#{entry.key}")
        url = URIRef(entry.url)
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        _add_texts(graph, distribution, DCTERMS.title, entry.title)
        _add_texts(graph, distribution, DCTERMS.description, entry.description)
        graph.add((distribution, DCAT.accessURL, url))
        graph.add((distribution, DCAT.downloadURL, url))
        graph.add((distribution, DCAT.mediaType, URIRef(IANA + entry.media_type)))
        graph.add((distribution, DCTERMS.format, _authority("file-type", entry.file_type)))
        graph.add((distribution, DCTERMS.license, LICENCE))
        graph.add((distribution, DCATAP.availability, STABLE))
        if facts.modified:
            graph.add((distribution, DCTERMS.modified, _date(facts.modified)))
    return graph


# Short names for the JSON-LD, so that a person reading it sees "dcat:Dataset", not full IRIs.
JSONLD_CONTEXT = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "vcard": str(VCARD),
    "dcatap": str(DCATAP),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def catalogue_turtle() -> str:
    return catalogue_graph().serialize(format="turtle")


def catalogue_jsonld() -> str:
    return catalogue_graph().serialize(format="json-ld", context=JSONLD_CONTEXT, indent=2)
