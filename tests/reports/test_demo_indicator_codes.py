"""The demo's shared indicator codes: the demo figures that measure the same thing carry the
same code, the others none, and seeding again adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from reports.models import Indicator, IndicatorCode

pytestmark = pytest.mark.django_db


def regions_with(code: str) -> set[str]:
    return set(
        Indicator.objects.filter(code__code=code).values_list("report__region__slug", flat=True)
    )


def test_the_demo_figures_that_match_share_a_code_and_seeding_again_adds_nothing():
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())

    assert list(IndicatorCode.objects.values_list("code", flat=True)) == [
        "MATURITY-STAGE",
        "SME-EXPORT",
    ]
    assert regions_with("MATURITY-STAGE") == {
        "pecs",
        "lombardy",
        "podkarpackie",
        "castilla-y-leon",
        "klaipeda",
    }
    assert regions_with("SME-EXPORT") == {"lombardy", "podkarpackie", "castilla-y-leon", "klaipeda"}
    cross_border = Indicator.objects.get(name__startswith="SMEs with a regular business partner")
    assert cross_border.code is None
    for indicator in Indicator.objects.filter(code__isnull=False).select_related("code"):
        assert indicator.unit == indicator.code.unit
