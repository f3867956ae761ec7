"""A report's indicators: editing them as a table, showing them as a table and a bar chart."""

import re
from decimal import Decimal
from xml.etree import ElementTree

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from reports.forms import indicators_formset
from reports.models import MAX_INDICATORS, Indicator, SituationAnalysisReport
from reports.services import indicators_save
from tests.harness.queries import assert_queries_do_not_grow

pytestmark = pytest.mark.django_db

SVG = "http://www.w3.org/2000/svg"


def edit_url(report) -> str:
    return reverse("reports:indicators_edit", kwargs={"pk": report.pk})


def page_url(report) -> str:
    return reverse("reports:report_detail", kwargs={"pk": report.pk})


def row(name="SMEs exporting", value="1250", unit="firms", year="2019", source="Eurostat", **extra):
    return {"name": name, "value": value, "unit": unit, "year": year, "source": source, **extra}


def table_data(*rows) -> dict:
    """POST data of the indicators table: rows with an "id" are existing indicators and come
    first, as on the page."""
    data = {
        "indicators-TOTAL_FORMS": str(len(rows)),
        "indicators-INITIAL_FORMS": str(sum(1 for r in rows if "id" in r)),
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": str(MAX_INDICATORS),
    }
    for index, fields in enumerate(rows):
        for name, value in fields.items():
            if name == "DELETE" and not value:
                continue
            data[f"indicators-{index}-{name}"] = "on" if value is True else str(value)
    return data


def blank():
    return row(name="", value="", unit="", year="", source="")


def make_indicator(report, position=0, **fields) -> Indicator:
    fields.setdefault("name", f"Indicator {position}")
    fields.setdefault("value", Decimal(10))
    fields.setdefault("year", 2019)
    fields.setdefault("source", "Istat")
    return Indicator.objects.create(report=report, position=position, **fields)


def chart_svg(html: str) -> str:
    start = html.index('<svg xmlns="http://www.w3.org/2000/svg" role="img"')
    return html[start : html.index("</svg>", start)]


def bar_labels(html: str) -> list[str]:
    """The chart's texts, each label's wrapped lines joined again."""
    svg = ElementTree.fromstring(chart_svg(html) + "</svg>")  # noqa: S314 - our own markup
    return [" ".join(text.itertext()).strip() for text in svg.iter(f"{{{SVG}}}text")]


# --- editing -----------------------------------------------------------------------------


def test_editor_sees_a_labelled_table_with_blank_rows(login, owner, report_a):
    make_indicator(report_a, name="Exporting SMEs", value=Decimal("1250.50"))

    response = login(owner).get(edit_url(report_a))

    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption" in html
    assert "<table" in html
    for header in ("Indicator", "Value", "Unit", "Year", "Source", "Delete"):
        assert re.search(rf'<th scope="col">{header}\b', html), header
    assert 'for="id_indicators-1-value">Value, row 2</label>' in html
    assert 'value="Exporting SMEs"' in html
    assert 'value="1250.5"' in html
    assert 'name="indicators-TOTAL_FORMS" value="4"' in html  # one indicator, three blank rows
    assert "indicators-0-DELETE" in html
    assert "indicators-1-DELETE" not in html


def test_editor_adds_two_indicators_that_show_as_table_rows_and_bars(login, owner, report_a):
    client = login(owner)

    response = client.post(
        edit_url(report_a),
        table_data(
            row(name="SMEs exporting", value="1250", unit="firms"),
            row(name="Export share", value="12.5", unit="%", source="Istat"),
            blank(),
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == page_url(report_a) + "#indicators"
    saved = list(report_a.indicators.values_list("name", "value", "unit", "position"))
    assert saved == [
        ("SMEs exporting", Decimal("1250.00"), "firms", 0),
        ("Export share", Decimal("12.50"), "%", 1),
    ]
    page = client.get(response["Location"]).content.decode()
    assert "The indicators were saved." in page
    table = page[page.index(f'id="indicators-table-{report_a.pk}"') : page.index("</table>")]
    assert '<th scope="row">SMEs exporting</th>' in table
    assert "1,250\N{NO-BREAK SPACE}firms" in table
    assert "12.5\N{NO-BREAK SPACE}%" in table
    # Two units of one value each: their numbers, and no bar (only the white background).
    assert chart_svg(page).count("<rect ") == 1
    labels = bar_labels(page)
    assert "SMEs exporting: 1,250\N{NO-BREAK SPACE}firms" in labels
    assert "Export share: 12.5\N{NO-BREAK SPACE}%" in labels


def test_editor_edits_deletes_and_adds_in_one_save_keeping_row_order(login, owner, report_a):
    first = make_indicator(report_a, 0, name="First")
    second = make_indicator(report_a, 1, name="Second")

    response = login(owner).post(
        edit_url(report_a),
        table_data(
            row(id=first.pk, name="First", DELETE=True),
            row(id=second.pk, name="Second, revised", value="-3.5", unit="%"),
            row(name="Third"),
        ),
    )

    assert response.status_code == 302
    assert list(report_a.indicators.values_list("name", "position")) == [
        ("Second, revised", 0),
        ("Third", 1),
    ]


def test_bad_rows_give_400_with_messages_keep_the_typed_values_and_save_nothing(
    login, owner, report_a
):
    response = login(owner).post(
        edit_url(report_a),
        table_data(
            row(name="Exporting SMEs", year="1700"),
            row(name="Export share", value="lots"),
            row(name="", value="7", source="Eurostat"),
        ),
    )

    assert response.status_code == 400
    html = response.content.decode()
    summary = html[
        html.index('id="error-summary"') : html.index("</ul>", html.index("error-summary"))
    ]
    assert "Row 1, Year: Enter a year between 1990 and 2100." in summary
    assert "Row 2, Value: Enter the value as a number" in summary
    assert "Row 3, Indicator: Enter the indicator’s name." in summary
    assert 'href="#id_indicators-0-year"' in summary
    # next to the cells, too, and the inputs say they are invalid
    assert 'id="id_indicators-0-year_error"' in html
    assert 'id="id_indicators-1-value_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'value="1700"' in html
    assert 'value="lots"' in html
    assert 'value="Exporting SMEs"' in html
    assert not Indicator.objects.exists()


def test_a_report_has_at_most_thirty_indicators(login, owner, report_a):
    rows = [row(name=f"Indicator {n}") for n in range(MAX_INDICATORS + 1)]

    response = login(owner).post(edit_url(report_a), table_data(*rows))

    assert response.status_code == 400
    assert "at most 30 indicators" in response.content.decode()
    assert not Indicator.objects.exists()


def test_rows_of_another_report_cannot_be_changed_through_this_one(
    login, owner, report_a, report_b
):
    theirs = make_indicator(report_b, name="Klaipėda port SMEs")

    response = login(owner).post(edit_url(report_a), table_data(row(id=theirs.pk, name="Hijacked")))

    assert response.status_code == 400
    assert "Row 1: Someone else deleted this row meanwhile." in response.content.decode()
    theirs.refresh_from_db()
    assert theirs.name == "Klaipėda port SMEs"
    assert theirs.report_id == report_b.pk
    assert not report_a.indicators.exists()


def test_a_row_deleted_by_someone_else_meanwhile_is_reported_not_recreated(login, owner, report_a):
    gone = make_indicator(report_a, name="Old figure")
    data = table_data(row(id=gone.pk, name="Old figure, revised"))
    gone.delete()

    response = login(owner).post(edit_url(report_a), data)

    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("Someone else deleted this row meanwhile.") == 2  # summary and row
    assert 'value="Old figure, revised"' in html
    assert not Indicator.objects.exists()


def test_a_post_without_the_table_is_refused(login, owner, report_a):
    response = login(owner).post(edit_url(report_a), {})

    assert response.status_code == 400
    assert not Indicator.objects.exists()


# --- who may edit ------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["colleague", "coordinator", "stakeholder"])
def test_viewers_coordinators_and_stakeholders_cannot_edit_indicators(
    login, user_of_role, report_a, role
):
    client = login(user_of_role(role))
    expected = 404 if role == "stakeholder" else 403  # a stakeholder cannot see the draft

    assert client.get(edit_url(report_a)).status_code == expected
    assert client.post(edit_url(report_a), table_data(row())).status_code == expected
    assert not Indicator.objects.exists()


def test_editor_of_another_region_gets_404_for_its_draft(login, outsider, report_a):
    client = login(outsider)

    assert client.get(edit_url(report_a)).status_code == 404
    assert client.post(edit_url(report_a), table_data(row())).status_code == 404
    assert not Indicator.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in(login, report_a):
    response = login(None).get(edit_url(report_a))

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


def test_editing_is_refused_while_the_report_is_in_review(login, owner, report_a):
    report_a.status = "in_review"
    report_a.save(update_fields=["status"])
    client = login(owner)

    assert client.get(edit_url(report_a)).status_code == 403
    assert client.post(edit_url(report_a), table_data(row())).status_code == 403
    assert not Indicator.objects.exists()


# --- the report page ---------------------------------------------------------------------


def test_report_without_indicators_says_so(login, owner, report_a):
    html = login(owner).get(page_url(report_a)).content.decode()

    assert "No indicators yet." in html
    assert "indicator-chart-" not in html


def test_chart_is_an_accessible_image_described_by_the_table(login, approved_report_b):
    make_indicator(approved_report_b, 0, name="Port SMEs", value=Decimal(40), unit="firms")
    make_indicator(approved_report_b, 1, name="Export share", value=Decimal(8), unit="%")

    html = login(None).get(page_url(approved_report_b)).content.decode()

    svg = chart_svg(html)
    prefix = f"indicator-chart-{approved_report_b.pk}"
    assert 'role="img"' in svg
    assert f'aria-labelledby="{prefix}-title"' in svg
    assert f'aria-describedby="{prefix}-desc indicators-table-{approved_report_b.pk}"' in svg
    assert f'<title id="{prefix}-title">' in svg
    assert f'<desc id="{prefix}-desc">' in svg
    assert f'id="indicators-table-{approved_report_b.pk}"' in html
    assert "style=" not in svg
    assert "class=" not in svg
    assert "<script" not in svg
    assert re.search(r'<svg [^>]*width="\d+" height="\d+" viewBox="0 0 \d+ \d+"', svg)
    assert "Unit: firms" in bar_labels(html)
    assert "Unit: %" in bar_labels(html)


def test_chart_numbers_stay_plain_while_labels_follow_the_language(login, approved_report_b):
    make_indicator(approved_report_b, name="Quota export", value=Decimal("1234.5"), unit="%")

    with translation.override("it"):
        html = login(None).get(page_url(approved_report_b)).content.decode()

    svg = chart_svg(html)
    assert "Quota export: 1.234,5\N{NO-BREAK SPACE}%" in svg
    assert not re.search(r'(?:x|y|width|height)="\d+,\d', svg)
    assert "1.234,5\N{NO-BREAK SPACE}%" in html


def test_indicators_do_not_add_queries_to_the_report_page(login, owner, report_a):
    units = ["firms", "%", "EUR million"]

    def make_rows(count):
        start = report_a.indicators.count()
        for n in range(start, start + count):
            make_indicator(report_a, n, unit=units[n % 3], value=Decimal(n - 5))

    assert_queries_do_not_grow(login(owner), page_url(report_a), make_rows)


def test_saving_is_refused_when_the_report_left_draft_meanwhile(owner, report_a):
    formset = indicators_formset(report_a, table_data(row()))
    assert formset.is_valid()
    SituationAnalysisReport.objects.filter(pk=report_a.pk).update(status="in_review")

    with pytest.raises(ValidationError, match="in review"):
        indicators_save(report=report_a, formset=formset)

    assert not Indicator.objects.exists()


def test_values_are_typed_as_the_language_writes_them(login, owner, report_a):
    with translation.override("it"):
        response = login(owner).post(
            edit_url(report_a), table_data(row(name="Quota export", value="12,5", unit="%"))
        )

    assert response.status_code == 302
    assert response["Location"].startswith("/it/reports/")
    assert report_a.indicators.get().value == Decimal("12.50")
