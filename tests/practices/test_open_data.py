"""Open data that portals harvest: the DCAT-AP catalogue, the schema.org JSON-LD (the dataset's
distribution and each practice's page), the practices' Atom feed and the /open-data/ page."""

import json
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.urls import reverse
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib import namespace as ns

from practices import catalogue
from practices.exports import FIELDS
from practices.models import Theme
from tests.harness import factories

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
AUTHORITY = "http://publications.europa.eu/resource/authority/"
ATOM = "{http://www.w3.org/2005/Atom}"

# DCAT-AP 3: the classes a catalogue of one dataset needs, and each class's mandatory
# properties (with the recommended ones data.europa.eu scores, which this catalogue fills).
REQUIRED = {
    ns.DCAT.Catalog: [
        ns.DCTERMS.title,
        ns.DCTERMS.description,
        ns.DCTERMS.publisher,
        ns.DCAT.dataset,
        ns.FOAF.homepage,
        ns.DCTERMS.language,
        ns.DCTERMS.license,
        ns.DCAT.themeTaxonomy,
    ],
    ns.DCAT.Dataset: [
        ns.DCTERMS.title,
        ns.DCTERMS.description,
        ns.DCAT.contactPoint,
        ns.DCAT.distribution,
        ns.DCAT.keyword,
        ns.DCTERMS.publisher,
        ns.DCTERMS.spatial,
        ns.DCAT.theme,
        ns.DCTERMS.language,
        ns.DCTERMS.license,
        ns.DCTERMS.modified,
        ns.DCTERMS.issued,
        ns.DCTERMS.accrualPeriodicity,
        ns.DCAT.landingPage,
    ],
    ns.DCAT.Distribution: [
        ns.DCAT.accessURL,
        ns.DCAT.downloadURL,
        ns.DCAT.mediaType,
        ns.DCTERMS.format,
        ns.DCTERMS.license,
        ns.DCTERMS.title,
        ns.DCTERMS.description,
    ],
    ns.FOAF.Agent: [ns.FOAF.name],
    VCARD.Kind: [VCARD.fn, VCARD.hasEmail],
    ns.DCTERMS.LicenseDocument: [],
}


@pytest.fixture
def client(login):
    return login(None)


@pytest.fixture
def dataset(region_a, region_b):
    """Two published practices (Lombardy in Italian, Klaipėda) and a draft of Lombardy."""
    theme = Theme.objects.create(name="Export promotion", slug="export-promotion")
    first = factories.make_practice(region_a, title="Voucher per l'export", language="it")
    first.themes.set([theme])
    factories.make_practice(region_b, title="Financial support for SMEs", language="en")
    factories.make_practice(region_a, title="Unfinished draft", status="draft")
    return first


def body(response) -> str:
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    return raw.decode()


def catalogue_graphs(client) -> dict[str, Graph]:
    graphs = {}
    for name, rdf_format in (("catalogue_jsonld", "json-ld"), ("catalogue_ttl", "turtle")):
        response = client.get(reverse(name))
        assert response.status_code == 200
        graphs[rdf_format] = Graph().parse(data=body(response), format=rdf_format)
    return graphs


def test_both_catalogues_parse_back_with_every_dcat_ap_class_and_its_mandatory_properties(
    client, dataset
):
    for rdf_format, graph in catalogue_graphs(client).items():
        for rdf_class, properties in REQUIRED.items():
            subjects = list(graph.subjects(ns.RDF.type, rdf_class))
            assert subjects, f"{rdf_format}: no {rdf_class}"
            for subject in subjects:
                missing = [p for p in properties if graph.value(subject, p) is None]
                assert not missing, f"{rdf_format}: {rdf_class} {subject} lacks {missing}"


def test_the_json_ld_and_turtle_catalogues_say_the_same(client, dataset):
    graphs = catalogue_graphs(client)
    assert len(graphs["json-ld"]) == len(graphs["turtle"]) > 50
    assert graphs["json-ld"].isomorphic(graphs["turtle"])


def test_the_dataset_has_four_distributions_with_eu_file_types_and_iana_media_types(
    client, dataset
):
    graph = catalogue_graphs(client)["turtle"]
    dataset_node = graph.value(predicate=ns.RDF.type, object=ns.DCAT.Dataset)
    distributions = list(graph.objects(dataset_node, ns.DCAT.distribution))
    formats = {str(graph.value(d, ns.DCTERMS.format)).rsplit("/", 1)[1] for d in distributions}
    assert formats == {"CSV", "JSON", "JSON_LD", "ATOM"}
    media = {str(graph.value(d, ns.DCAT.mediaType)) for d in distributions}
    assert "http://www.iana.org/assignments/media-types/text/csv" in media
    assert "http://www.iana.org/assignments/media-types/application/atom+xml" in media
    for distribution in distributions:
        url = str(graph.value(distribution, ns.DCAT.downloadURL))
        assert url.startswith(settings.SITE_URL)
        assert client.get(url.removeprefix(settings.SITE_URL)).status_code == 200


def test_the_dataset_uses_the_eu_vocabularies_and_nuts_codes_of_the_regions_with_practices(
    client, dataset, region_a, region_b
):
    graph = catalogue_graphs(client)["turtle"]
    node = graph.value(predicate=ns.RDF.type, object=ns.DCAT.Dataset)
    values = lambda p: {str(o) for o in graph.objects(node, p)}  # noqa: E731

    assert values(ns.DCTERMS.license) == {AUTHORITY + "licence/CC_BY_4_0"}
    assert AUTHORITY + "data-theme/ECON" in values(ns.DCAT.theme)
    assert values(ns.DCTERMS.spatial) == {
        "http://data.europa.eu/nuts/code/ITC4",
        "http://data.europa.eu/nuts/code/LT023",
    }
    # The languages the published practices are written in.
    assert values(ns.DCTERMS.language) == {AUTHORITY + "language/ITA", AUTHORITY + "language/ENG"}
    assert values(ns.DCAT.keyword) == {"Export promotion"}
    catalogue_node = graph.value(predicate=ns.RDF.type, object=ns.DCAT.Catalog)
    languages = {
        str(o).rsplit("/", 1)[1] for o in graph.objects(catalogue_node, ns.DCTERMS.language)
    }
    assert languages == {"ENG", "ITA", "HUN", "POL", "SPA", "LIT"}


def test_the_contact_point_is_an_organisational_address_not_a_persons(client, dataset):
    graph = catalogue_graphs(client)["turtle"]
    contact = graph.value(predicate=ns.RDF.type, object=VCARD.Kind)
    assert graph.value(contact, VCARD.hasEmail) == URIRef(
        "mailto:" + settings.OPEN_DATA_CONTACT_EMAIL
    )
    text = body(client.get(reverse("catalogue_ttl")))
    assert text.count("mailto:") == 1


def test_the_modification_date_is_the_newest_change_of_a_published_practice(client, dataset):
    dataset.title = "Voucher per l'export 2"
    dataset.save()
    graph = catalogue_graphs(client)["turtle"]
    node = graph.value(predicate=ns.RDF.type, object=ns.DCAT.Dataset)
    modified = graph.value(node, ns.DCTERMS.modified)
    assert isinstance(modified, Literal)
    assert modified.toPython() == dataset.updated_at.replace(microsecond=0)


def test_a_draft_changes_nothing_in_the_catalogue_and_appears_in_no_distribution(
    client, dataset, region_a
):
    before = catalogue.dataset_facts()
    factories.make_practice(region_a, title="Another draft", status="returned", language="pl")
    assert catalogue.dataset_facts() == before
    for name in ("practices:export_jsonld", "practices:practice_feed", "catalogue_ttl"):
        text = body(client.get(reverse(name)))
        assert "draft" not in text.lower(), name


def test_the_catalogue_states_its_titles_in_every_language_they_are_translated_into(dataset):
    graph = catalogue.catalogue_graph()
    node = graph.value(predicate=ns.RDF.type, object=ns.DCAT.Dataset)
    titles = {title.language: str(title) for title in graph.objects(node, ns.DCTERMS.title)}
    assert titles["en"] == str(catalogue.TITLE)
    # A language without a translation yet is left out rather than tagged English text.
    assert all(text != titles["en"] for language, text in titles.items() if language != "en")


def test_the_json_ld_distribution_is_a_schema_org_dataset_of_the_published_practices(
    client, dataset
):
    response = client.get(reverse("practices:export_jsonld"))
    assert response["Content-Type"] == "application/ld+json; charset=utf-8"
    assert 'rel="license"' in response["Link"]
    data = json.loads(body(response))
    assert data["@type"] == "Dataset"
    assert data["license"] == "https://creativecommons.org/licenses/by/4.0/"
    names = sorted(part["name"] for part in data["hasPart"])
    assert names == ["Financial support for SMEs", "Voucher per l'export"]
    italian = next(part for part in data["hasPart"] if part["inLanguage"] == "it")
    assert italian["keywords"] == ["Export promotion"]
    assert italian["spatialCoverage"]["name"] == "Lombardy"
    assert italian["url"] == settings.SITE_URL + dataset.get_absolute_url()


def test_the_jsonld_export_reads_a_fixed_number_of_queries(
    client, region_a, django_assert_max_num_queries
):
    for _ in range(12):
        factories.make_practice(region_a).themes.set([])
    with django_assert_max_num_queries(4):
        body(client.get(reverse("practices:export_jsonld")))


def test_a_published_practice_page_carries_its_schema_org_data(client, dataset):
    page = client.get(dataset.get_absolute_url()).text
    start = page.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(page[start : page.index("</script>", start)])
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["name"] == "Voucher per l'export"
    assert data["creator"] == {"@type": "Organization", "name": dataset.owner.name}


def test_a_title_cannot_close_the_json_ld_element(client, region_a):
    practice = factories.make_practice(
        region_a, title="</script><script>alert(1)</script>", contact_email="anna@example.org"
    )
    page = client.get(practice.get_absolute_url()).text
    data_block = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data_block
    assert json.loads(data_block)["name"] == "</script><script>alert(1)</script>"
    assert "anna@example.org" not in data_block


def test_a_drafts_page_carries_no_schema_org_data_even_for_its_editor(login, owner, region_a):
    draft = factories.make_practice(region_a, status="draft")
    page = login(owner).get(draft.get_absolute_url()).text
    assert "application/ld+json" not in page


def test_a_practice_page_has_a_canonical_link_and_open_graph_tags(client, dataset):
    page = client.get(dataset.get_absolute_url()).text
    url = settings.SITE_URL + dataset.get_absolute_url()
    assert f'<link rel="canonical" href="{url}">' in page
    assert '<meta property="og:title" content="Voucher per l&#x27;export">' in page
    assert '<meta property="og:type" content="article">' in page
    assert f'<meta property="og:url" content="{url}">' in page
    assert f'<meta property="og:image" content="{settings.SITE_URL}/static/img/share.png">' in page


def test_the_practices_feed_is_atom_with_the_published_practices_newest_change_first(
    client, dataset
):
    dataset.summary = "Changed today."
    dataset.save()
    response = client.get(reverse("practices:practice_feed"))
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed
    entries = feed.findall(f"{ATOM}entry")
    titles = [entry.findtext(f"{ATOM}title") for entry in entries]
    assert titles == ["Voucher per l'export", "Financial support for SMEs"]
    first = entries[0]
    assert first.findtext(f"{ATOM}updated")
    assert first.findtext(f"{ATOM}published")
    assert first.findtext(f"{ATOM}author/{ATOM}name") == dataset.owner.name
    assert first.find(f"{ATOM}author/{ATOM}email") is None
    assert [c.get("term") for c in first.findall(f"{ATOM}category")] == ["Export promotion"]


def test_the_open_data_page_links_every_distribution_and_the_catalogues(client, dataset):
    page = client.get(reverse("open_data")).text
    for name in (
        "practices:export_csv",
        "practices:export_json",
        "practices:export_jsonld",
        "practices:practice_feed",
        "catalogue_jsonld",
        "catalogue_ttl",
        "events:event_feed",
    ):
        assert f'href="{reverse(name)}"' in page, name
    assert "CC BY 4.0" in page
    assert "today 2 practices" in page
    for field in FIELDS:
        assert f'<code lang="zxx">{field}</code>' in page


def test_the_open_data_page_is_reached_from_every_pages_footer(client):
    assert f'href="{reverse("open_data")}"' in client.get(reverse("home")).text


def test_with_nothing_published_yet_the_catalogue_and_page_still_answer(client, region_a):
    factories.make_practice(region_a, status="draft")
    graph = catalogue_graphs(client)["turtle"]
    node = graph.value(predicate=ns.RDF.type, object=ns.DCAT.Dataset)
    assert graph.value(node, ns.DCTERMS.modified) is None
    assert len(list(graph.objects(node, ns.DCAT.distribution))) == 4
    assert "today 0 practices" in client.get(reverse("open_data")).text
