"""Shared indicator codes: coordinators keep the list, editors choose a code for a matching
figure (its unit must be the code's), and the compare page puts each code's values of the regions
in one table and one chart on a common scale."""

import re
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from interventures.activity.models import ActivityEntry
from reports.models import Indicator, IndicatorCode
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow

from .test_indicators import blank, edit_url, make_indicator, row, table_data

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
COMPARE = reverse("reports:section_across_regions") + "?section=indicators"
LIST = reverse("reports:indicator_code_list")
CREATE = reverse("reports:indicator_code_create")


def edit_code_url(code) -> str:
    return reverse("reports:indicator_code_edit", kwargs={"pk": code.pk})


def make_code(code="SME-EXPORT", name="SMEs exporting, %", unit="%", **fields) -> IndicatorCode:
    return IndicatorCode.objects.create(code=code, name=name, unit=unit, **fields)


def code_data(code="SME-EXPORT", name="SMEs exporting, %", unit="%", definition="", position=0):
    return {
        "code": code,
        "name": name,
        "unit": unit,
        "definition": definition,
        "position": position,
    }


def chart_of(page: str, code: IndicatorCode, width: int = 640) -> ElementTree.Element:
    """The SVG chart of `code` on the compare page (the wide one or the phone's), parsed."""
    match = re.search(
        rf'<svg[^>]*aria-labelledby="code-chart-{code.pk}-{width}-title".*?</svg>', page, re.DOTALL
    )
    assert match, "no chart for the code"
    return ElementTree.fromstring(match.group(0))  # noqa: S314 - our own markup


def bar_widths(svg) -> list[float]:
    """The bars (the first rect is the white background)."""
    return [float(rect.get("width")) for rect in list(svg.iter(f"{SVG}rect"))[1:]]


def labels(svg) -> list[str]:
    return [
        " ".join(tspan.text for tspan in text.iter(f"{SVG}tspan"))
        for text in svg.iter(f"{SVG}text")
        if text.find(f"{SVG}tspan") is not None
    ]


# --- the list, kept by coordinators --------------------------------------------------------


def test_a_coordinator_adds_a_shared_code_and_it_is_logged(login, coordinator):
    client = login(coordinator)

    response = client.post(CREATE, code_data(code="sme-export", definition="Share of SMEs."))

    assert response.status_code == 302
    code = IndicatorCode.objects.get()
    assert (code.code, code.name, code.unit) == ("SME-EXPORT", "SMEs exporting, %", "%")
    entry = ActivityEntry.objects.get(verb="indicator_code.created")
    assert entry.actor == coordinator
    assert entry.object_id == str(code.pk)
    page = client.get(LIST).content.decode()
    assert "SME-EXPORT" in page
    assert "Share of SMEs." in page


def test_a_coordinator_changes_a_shared_code_and_it_is_logged(login, coordinator):
    code = make_code()

    response = login(coordinator).post(edit_code_url(code), code_data(name="Exporting SMEs, %"))

    assert response.status_code == 302
    code.refresh_from_db()
    assert code.name == "Exporting SMEs, %"
    assert ActivityEntry.objects.filter(verb="indicator_code.updated", actor=coordinator).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (code_data(code=""), "Enter a short code, for example SME-EXPORT."),
        (code_data(code="SME EXPORT %"), "letters, digits, hyphens or underscores only"),
        (code_data(name=""), "Enter the indicator’s name"),
        (code_data(code="sme-export"), "Another shared indicator has this code"),
        (code_data(unit="x" * 31), "Ensure this value has at most 30 characters"),
    ],
)
def test_a_bad_code_is_refused_with_a_clear_message_and_nothing_saved(
    login, coordinator, data, message
):
    make_code()

    response = login(coordinator).post(CREATE, data)

    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert data["name"] in page  # what was typed stays on screen
    assert IndicatorCode.objects.count() == 1
    assert not ActivityEntry.objects.filter(verb="indicator_code.created").exists()


def test_an_edited_code_cannot_take_another_codes_identifier(login, coordinator):
    make_code()
    other = make_code(code="GERD", name="R&D spending", unit="% of GDP")

    response = login(coordinator).post(edit_code_url(other), code_data(code="SME-EXPORT"))

    assert response.status_code == 400
    assert "Another shared indicator has this code" in response.content.decode()
    other.refresh_from_db()
    assert other.code == "GERD"


@pytest.mark.parametrize("role", ["owner", "colleague", "outsider", "stakeholder"])
def test_only_coordinators_keep_the_list(login, user_of_role, role):
    code = make_code()
    client = login(user_of_role(role))

    for url in (LIST, CREATE, edit_code_url(code)):
        assert client.get(url).status_code == 403
    assert client.post(CREATE, code_data(code="GERD")).status_code == 403
    assert client.post(edit_code_url(code), code_data(name="Changed")).status_code == 403
    code.refresh_from_db()
    assert code.name == "SMEs exporting, %"
    assert IndicatorCode.objects.count() == 1


def test_visitors_are_sent_to_sign_in_for_the_list(client):
    response = client.get(LIST)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_compare_page_links_coordinators_to_the_list(login, coordinator, owner):
    assert LIST in login(coordinator).get(COMPARE).content.decode()
    assert LIST not in login(owner).get(COMPARE).content.decode()


# --- the indicator form offers the codes ----------------------------------------------------


def test_an_editor_chooses_a_shared_code_with_its_unit(login, owner, report_a):
    code = make_code()
    client = login(owner)
    assert (
        "SME-EXPORT – SMEs exporting, % (unit: %)"
        in client.get(edit_url(report_a)).content.decode()
    )

    response = client.post(
        edit_url(report_a), table_data(row(unit="%", value="12.5", code=code.pk), blank())
    )

    assert response.status_code == 302
    assert Indicator.objects.get().code == code


def test_a_code_whose_unit_differs_is_refused_saying_why(login, owner, report_a):
    code = make_code()

    response = login(owner).post(
        edit_url(report_a), table_data(row(name="Exporters", unit="firms", code=code.pk))
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "The shared code SME-EXPORT is counted in “%”: write that unit" in page
    assert 'value="Exporters"' in page  # the typed row stays
    assert not Indicator.objects.exists()


def test_a_code_without_unit_needs_a_figure_without_unit(login, owner, report_a):
    code = make_code(code="CLUSTERS", name="Clusters", unit="")

    response = login(owner).post(edit_url(report_a), table_data(row(unit="firms", code=code.pk)))

    assert response.status_code == 400
    assert "The shared code CLUSTERS has no unit: leave the unit empty" in (
        response.content.decode()
    )


def test_the_unit_matches_whatever_its_case_and_spaces(login, owner, report_a):
    code = make_code(code="FIRMS", name="Exporting firms", unit="firms")

    response = login(owner).post(edit_url(report_a), table_data(row(unit=" FIRMS ", code=code.pk)))

    assert response.status_code == 302
    assert Indicator.objects.get().code == code


def test_a_code_that_is_gone_is_refused_not_a_server_error(login, owner, report_a):
    response = login(owner).post(edit_url(report_a), table_data(row(code="999999")))

    assert response.status_code == 400
    assert "This shared code is no longer in the list" in response.content.decode()


def test_the_code_can_be_taken_off_an_indicator(login, owner, report_a):
    code = make_code()
    indicator = make_indicator(report_a, unit="%", code=code)

    data = table_data(
        row(id=indicator.pk, name=indicator.name, value="10", unit="%", year="2019", code="")
    )
    response = login(owner).post(edit_url(report_a), data)

    assert response.status_code == 302
    indicator.refresh_from_db()
    assert indicator.code is None


def test_the_form_reads_the_codes_once_however_many_rows(login, owner, report_a):
    for number in range(5):
        make_code(code=f"C{number}", name=f"Code {number}")

    def make_rows(count):
        start = Indicator.objects.count()
        for n in range(start, start + count):
            make_indicator(report_a, n)

    assert_queries_do_not_grow(login(owner), edit_url(report_a), make_rows, few=2, many=12)


# --- the regions side by side ---------------------------------------------------------------


@pytest.fixture
def export_share(region_a, region_b):
    """SMEs exporting, %: Lombardy's approved 12.5 (2019), Klaipėda's approved 25 (2022) and
    Klaipėda's newer draft 30 (2023)."""
    code = make_code(definition="Share of SMEs selling abroad.")
    lombardy = factories.make_report(region_a, status="approved", title="Lombardy SAR")
    make_indicator(lombardy, value=Decimal("12.5"), unit="%", year=2019, code=code)
    make_indicator(lombardy, 1, name="Regional GDP", value=Decimal(400), unit="bn EUR")
    klaipeda = factories.make_report(region_b, status="approved", title="Klaipėda SAR")
    make_indicator(
        klaipeda, value=Decimal(25), unit="%", year=2022, source="Statistics LT", code=code
    )
    draft = factories.make_report(region_b, title="Klaipėda second edition")
    make_indicator(draft, value=Decimal(30), unit="%", year=2023, code=code)
    return code


def test_visitors_compare_the_approved_values_with_year_and_source(client, export_share):
    response = client.get(COMPARE)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Indicators across the regions" in page
    assert "Share of SMEs selling abroad." in page
    assert "Statistics LT" in page
    assert "Klaipėda second edition" not in page
    assert "The regions name this figure differently" not in page
    svg = chart_of(page, export_share)
    assert labels(svg) == [
        "Klaipėda, 2022: 25\N{NO-BREAK SPACE}%",
        "Lombardy, 2019: 12.5\N{NO-BREAK SPACE}%",
    ]


def test_a_regions_partner_compares_their_draft_marked_as_a_draft(login, outsider, export_share):
    page = login(outsider).get(COMPARE).content.decode()

    assert "Klaipėda second edition" in page
    assert "Draft: not approved yet" in page
    assert labels(chart_of(page, export_share)) == [
        "Klaipėda, 2023: 30\N{NO-BREAK SPACE}%",
        "Lombardy, 2019: 12.5\N{NO-BREAK SPACE}%",
    ]


def test_the_bars_share_one_scale_across_the_regions(client, export_share, region_a):
    region_c = factories.make_region(name="Zeeland")
    zeeland = factories.make_report(region_c, status="approved")
    make_indicator(zeeland, value=Decimal(50), unit="%", year=2019, code=export_share)

    svg = chart_of(client.get(COMPARE).content.decode(), export_share)

    klaipeda, lombardy, zeeland_bar = bar_widths(svg)
    assert klaipeda == pytest.approx(2 * lombardy, rel=0.01)
    assert zeeland_bar == pytest.approx(4 * lombardy, rel=0.01)
    assert all(width > 0 for width in (klaipeda, lombardy, zeeland_bar))


def test_on_phones_the_chart_wraps_its_labels_to_a_narrower_width_on_the_same_scale(
    client, export_share
):
    burgos = factories.make_region(name="Castilla y León (province of Burgos)")
    report = factories.make_report(burgos, status="approved")
    make_indicator(report, value=Decimal(50), unit="%", year=2019, code=export_share)
    page = client.get(COMPARE).content.decode()
    wide, narrow = chart_of(page, export_share), chart_of(page, export_share, 340)

    assert narrow.get("width") == "340"
    burgos_bar, klaipeda, lombardy = bar_widths(narrow)
    assert klaipeda == pytest.approx(2 * lombardy, rel=0.01)
    assert burgos_bar == pytest.approx(4 * lombardy, rel=0.01)
    assert max(bar_widths(narrow)) < max(bar_widths(wide))
    assert labels(narrow) == labels(wide)  # wrapped onto more lines, never cut
    lines = [tspan.text for tspan in narrow.iter(f"{SVG}tspan")]
    assert len(lines) > len(labels(narrow))
    assert all(len(line) * 0.62 * 13 <= 340 - 2 * 16 for line in lines)


def test_a_single_regions_value_is_shown_as_a_number_without_a_bar(client, region_a):
    code = make_code()
    report = factories.make_report(region_a, status="approved")
    make_indicator(report, value=Decimal("12.5"), unit="%", code=code)

    svg = chart_of(client.get(COMPARE).content.decode(), code)

    assert bar_widths(svg) == []
    assert labels(svg) == ["Lombardy, 2019: 12.5\N{NO-BREAK SPACE}%"]


def test_differing_years_and_regions_without_a_value_are_noted(client, export_share):
    factories.make_region(name="Zeeland")

    page = client.get(COMPARE).content.decode()

    assert "The values are from different years (2019, 2022)" in page
    assert "No value from: Zeeland." in page


def test_regions_naming_the_figure_differently_are_noted(client, export_share):
    Indicator.objects.filter(code=export_share, year=2019).update(name="Rural SMEs exporting")

    page = client.get(COMPARE).content.decode()

    assert "The regions name this figure differently" in page
    assert "Rural SMEs exporting" in page


def test_indicators_without_a_code_are_listed_as_not_comparable(client, export_share):
    page = client.get(COMPARE).content.decode()

    assert "Indicators without a shared code" in page
    assert "Regional GDP: 400\N{NO-BREAK SPACE}bn EUR (2019)" in page


def test_a_value_in_another_unit_is_kept_out_of_the_chart(client, export_share, region_a):
    # The code's unit changed after the figure was entered.
    Indicator.objects.filter(code=export_share, year=2019).update(unit="share")

    page = client.get(COMPARE).content.decode()

    assert "Lombardy’s value (12.5\N{NO-BREAK SPACE}share) is left out of the chart" in page
    assert labels(chart_of(page, export_share)) == ["Klaipėda, 2022: 25\N{NO-BREAK SPACE}%"]


def test_without_codes_the_page_says_how_they_come(client, region_a):
    page = client.get(COMPARE).content.decode()

    assert "No shared indicators yet" in page


def test_the_comparison_queries_do_not_grow_with_regions_codes_and_indicators(client):
    def make_rows(count):
        for _ in range(count):
            code = make_code(code=f"C{IndicatorCode.objects.count()}", name="Code")
            report = factories.make_report(factories.make_region(), status="approved")
            make_indicator(report, value=Decimal(3), unit="%", code=code)
            make_indicator(report, 1, value=Decimal(4), unit="%")

    assert_queries_do_not_grow(client, COMPARE, make_rows, few=2, many=8)


def test_the_report_page_links_to_the_indicators_across_regions(client, region_a):
    report = factories.make_report(region_a, status="approved")

    page = client.get(report.get_absolute_url()).content.decode()

    assert 'href="/reports/compare/?section=indicators"' in page
