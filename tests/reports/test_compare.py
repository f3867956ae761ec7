"""A section of the outline read across the regions side by side: each region's newest report
the reader may see (visitors approved ones only, partners their region's drafts marked as
drafts), the SWOT by quadrant with its recurring themes, and the report page's links to it."""

from django.urls import reverse

from reports.swot import Quadrant, recurring_themes, split_quadrants, theme_words
from tests.harness import factories
from tests.harness.queries import count_queries

NOT_VISIBLE = "No report of this region is visible to you yet."
DRAFT_MARK = "Draft: not approved yet"


def compare_url(section="barriers"):
    return reverse("reports:section_across_regions") + f"?section={section}"


def swot_table(strengths, weaknesses, opportunities, threats):
    cells = "".join(
        f"<td><ul><li>{text}</li></ul></td>"
        for text in (strengths, weaknesses, opportunities, threats)
    )
    return (
        "<table><thead><tr><th>Strengths</th><th>Weaknesses</th><th>Opportunities</th>"
        f"<th>Threats</th></tr></thead><tbody><tr>{cells}</tr></tbody></table>"
    )


def test_visitors_read_approved_reports_only(client, region_a, region_b):
    factories.make_report(region_a, texts={"barriers": "<p>Unfinished Lombardy barriers</p>"})
    factories.make_report(
        region_b, status="approved", texts={"barriers": "<p>Approved Klaipėda barriers</p>"}
    )

    response = client.get(compare_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert "Approved Klaipėda barriers" in page
    assert "Unfinished Lombardy barriers" not in page
    assert NOT_VISIBLE in page
    assert DRAFT_MARK not in page
    assert 'id="region-lombardy"' in page
    assert 'id="region-klaipeda"' in page


def test_visitors_read_the_newest_approved_report_when_a_newer_draft_exists(client, region_a):
    factories.make_report(
        region_a, status="approved", texts={"barriers": "<p>Approved first edition</p>"}
    )
    factories.make_report(region_a, texts={"barriers": "<p>Second edition in writing</p>"})

    page = client.get(compare_url()).content.decode()

    assert "Approved first edition" in page
    assert "Second edition in writing" not in page


def test_a_partner_sees_their_regions_draft_marked_as_a_draft(login, colleague, region_a):
    factories.make_report(
        region_a, status="approved", texts={"barriers": "<p>Approved first edition</p>"}
    )
    factories.make_report(region_a, texts={"barriers": "<p>Second edition in writing</p>"})

    page = login(colleague).get(compare_url()).content.decode()

    assert "Second edition in writing" in page
    assert "Approved first edition" not in page
    assert DRAFT_MARK in page


def test_an_outsider_does_not_see_another_regions_draft(login, outsider, region_a, region_b):
    factories.make_report(region_a, texts={"barriers": "<p>Unfinished Lombardy barriers</p>"})
    factories.make_report(region_b, texts={"barriers": "<p>Unfinished Klaipėda barriers</p>"})

    page = login(outsider).get(compare_url()).content.decode()

    assert "Unfinished Lombardy barriers" not in page
    assert "Unfinished Klaipėda barriers" in page
    assert NOT_VISIBLE in page


def test_a_coordinator_sees_every_regions_draft(login, coordinator, region_a, region_b):
    factories.make_report(region_a, texts={"barriers": "<p>Unfinished Lombardy barriers</p>"})
    factories.make_report(region_b, status="in_review", texts={"barriers": "<p>Klaipėda text</p>"})

    page = login(coordinator).get(compare_url()).content.decode()

    assert "Unfinished Lombardy barriers" in page
    assert "Klaipėda text" in page
    assert page.count(DRAFT_MARK) == 2
    assert NOT_VISIBLE not in page


def test_an_unknown_section_is_a_form_error_not_a_server_error(client, region_a):
    response = client.get(compare_url("no-such-section"))

    assert response.status_code == 400
    assert "The link names no section of the report outline." in response.content.decode()


def test_without_a_section_the_first_section_of_the_outline_is_shown(client, region_a):
    factories.make_report(
        region_a, status="approved", texts={"executive_summary": "<p>The summary</p>"}
    )

    response = client.get(reverse("reports:section_across_regions"))

    assert response.status_code == 200
    assert "The summary" in response.content.decode()


def test_an_unwritten_section_says_so(client, region_a):
    factories.make_report(region_a, status="approved")

    page = client.get(compare_url()).content.decode()

    assert "This section is not written yet." in page


def test_queries_do_not_grow_from_two_to_five_regions_with_reports(login, coordinator):
    client = login(coordinator)
    url = compare_url("swot")
    swot = swot_table("Port", "Small firms", "Tourism", "Emigration")

    def add_regions(count):
        for _ in range(count):
            region = factories.make_region()
            factories.make_report(region, status="approved", texts={"swot": swot})
            factories.make_report(region, texts={"swot": swot})

    add_regions(2)
    client.get(url)  # warm up: the session, caches
    two, _ = count_queries(client, url)
    add_regions(3)
    five, queries = count_queries(client, url)

    assert five == two, "\n".join(queries)


def test_the_swot_shows_the_four_quadrants_and_the_recurring_themes(client, region_a, region_b):
    factories.make_report(
        region_a,
        status="approved",
        texts={"swot": swot_table("Rural tourism", "Small firms", "Export fairs", "Emigration")},
    )
    factories.make_report(
        region_b,
        status="approved",
        texts={"swot": swot_table("Tourism and ports", "Small markets", "Fairs", "Emigration")},
    )

    page = client.get(compare_url("swot")).content.decode()

    for quadrant in ("Strengths", "Weaknesses", "Opportunities", "Threats"):
        assert f'<h3 class="h-small">{quadrant}</h3>' in page
    assert "Recurring themes" in page
    assert "<strong>tourism</strong> · 2 regions" in page
    assert "<strong>emigration</strong> · 2 regions" in page
    assert "<strong>fairs</strong> · 2 regions" in page
    assert "<strong>rural</strong>" not in page


def test_a_swot_not_laid_out_in_quadrants_is_shown_whole(client, region_a):
    factories.make_report(
        region_a, status="approved", texts={"swot": "<p>Our strengths are many.</p>"}
    )

    page = client.get(compare_url("swot")).content.decode()

    assert "Our strengths are many." in page
    assert "is not laid out in the four quadrants" in page


def test_the_report_page_links_each_section_to_its_comparison(client, region_a):
    report = factories.make_report(region_a, status="approved")

    page = client.get(reverse("reports:report_detail", kwargs={"pk": report.pk})).content.decode()

    link = reverse("reports:section_across_regions") + "?section=barriers#region-lombardy"
    assert f'href="{link}"' in page
    assert page.count("Compare this section across regions") == 10


def test_a_swot_table_of_four_columns_is_split_by_column():
    html = swot_table("Port", "Few firms", "Tourism", "Emigration")

    quadrants = split_quadrants(html, "en")

    assert quadrants == {
        Quadrant.STRENGTHS: "<ul><li>Port</li></ul>",
        Quadrant.WEAKNESSES: "<ul><li>Few firms</li></ul>",
        Quadrant.OPPORTUNITIES: "<ul><li>Tourism</li></ul>",
        Quadrant.THREATS: "<ul><li>Emigration</li></ul>",
    }


def test_a_two_by_two_swot_table_is_split_by_cell():
    html = (
        "<table><tr><th>Strengths</th><th>Weaknesses</th></tr><tr><td>Port</td><td>Few firms</td>"
        "</tr><tr><th>Opportunities</th><th>Threats</th></tr><tr><td>Tourism</td>"
        "<td>Emigration</td></tr></table>"
    )

    quadrants = split_quadrants(html, "en")

    assert quadrants[Quadrant.OPPORTUNITIES] == "Tourism"
    assert quadrants[Quadrant.THREATS] == "Emigration"


def test_a_swot_written_under_headings_is_split_by_heading():
    html = (
        "<h3>Strengths</h3><p>Port</p><p><strong>Weaknesses:</strong></p><ul><li>Few firms</li>"
        "</ul><h3>Threats</h3><p>Emigration</p>"
    )

    quadrants = split_quadrants(html, "en")

    assert quadrants[Quadrant.STRENGTHS] == "<p>Port</p>"
    assert quadrants[Quadrant.WEAKNESSES] == "<ul><li>Few firms</li></ul>"
    assert quadrants[Quadrant.OPPORTUNITIES] == ""
    assert quadrants[Quadrant.THREATS] == "<p>Emigration</p>"


def test_a_swot_without_a_table_or_quadrant_headings_is_not_split():
    assert split_quadrants("<p>Strengths and weaknesses, mixed.</p>", "en") is None


def test_theme_words_are_long_lower_cased_words_without_common_ones():
    assert theme_words("<p>Their Tourism, tourism and PORT offices about 2021</p>") == {
        "tourism",
        "offices",
    }


def test_recurring_themes_count_each_region_once_and_need_two_regions():
    themes = recurring_themes(
        {
            "Lombardy": {Quadrant.STRENGTHS: "<p>Tourism, tourism, wine</p>"},
            "Pécs": {Quadrant.STRENGTHS: "<p>Rural tourism and logistics</p>"},
            "Klaipėda": {Quadrant.STRENGTHS: "<p>Logistics and tourism</p>"},
        }
    )

    strengths = [(theme.word, theme.count, theme.regions) for theme in themes[Quadrant.STRENGTHS]]
    assert strengths == [
        ("tourism", 3, ("Klaipėda", "Lombardy", "Pécs")),
        ("logistics", 2, ("Klaipėda", "Pécs")),
    ]
    assert themes[Quadrant.THREATS] == []
