"""No English leftovers on the shared indicators across the regions (every note shown) and on
the forms of the shared codes with errors (the harness's sweep sees the compare page without
`?section=indicators`)."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from reports.models import Indicator, IndicatorCode
from tests.harness import factories, mfa
from tests.i18n.test_pseudo_localisation import english_leftovers

pytestmark = pytest.mark.sweep


def test_the_indicators_across_the_regions_are_marked_with_every_note(pseudo, world):
    code = IndicatorCode.objects.create(code="SME-EXPORT", name="SMEs exporting", unit="%")
    lone = IndicatorCode.objects.create(code="GERD", name="Research spending", unit="")
    for region, year, unit, name in (
        (world.region_a, 2019, "%", "Exporting SMEs"),
        (world.region_b, 2022, "share", "SMEs selling abroad"),
    ):
        report = factories.make_report(region, status="approved")
        Indicator.objects.create(
            report=report, name=name, value=Decimal(12), unit=unit, year=year, source="Eurostat"
        )
        Indicator.objects.filter(report=report).update(code=code)
        Indicator.objects.create(
            report=report, name="Regional GDP", value=400, unit="bn EUR", year=2019, source="x"
        )
    factories.make_region(name="Zeeland")
    client = Client()
    mfa.force_login(client, world.coordinator)
    url = reverse("reports:section_across_regions") + "?section=indicators"

    page = client.get(url).content.decode()

    assert lone.name in page
    leftovers = english_leftovers({"compare indicators as coordinator": page})
    assert not leftovers, "Words not marked for translation:\n" + leftovers


def test_the_shared_code_and_indicator_forms_with_errors_are_marked(pseudo, world):
    code = IndicatorCode.objects.create(code="SME-EXPORT", name="SMEs exporting", unit="%")
    report = factories.make_report(world.region_a)
    coordinator, editor = Client(), Client()
    mfa.force_login(coordinator, world.coordinator)
    mfa.force_login(editor, world.owner)
    indicators = {
        "indicators-TOTAL_FORMS": "1",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "30",
        "indicators-0-name": "Exporters",
        "indicators-0-code": str(code.pk),
        "indicators-0-value": "3",
        "indicators-0-unit": "firms",
        "indicators-0-year": "2019",
        "indicators-0-source": "Eurostat",
    }

    pages = {
        "new code with errors": coordinator.post(
            reverse("reports:indicator_code_create"), {"code": "SME EXPORT", "name": ""}
        ),
        "indicators with a unit not the code's": editor.post(
            reverse("reports:indicators_edit", kwargs={"pk": report.pk}), indicators
        ),
    }

    for where, response in pages.items():
        assert response.status_code == 400, where
    leftovers = english_leftovers({where: r.content.decode() for where, r in pages.items()})
    assert not leftovers, "Words not marked for translation:\n" + leftovers
