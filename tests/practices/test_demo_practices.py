"""The demo data: `seed_demo` loads three good practices per region and the transfers."""

from io import StringIO

import pytest
from django.core.management import call_command

from demo.workspace import WORKSPACE
from practices.models import GoodPractice, PracticeStatus, Theme, Transfer, TransferStage


def partnerships_practices():
    """The 15 practices of the partnership: without the example waiting for publication that
    the demo workspace adds (tests/test_demo_workspace.py)."""
    return GoodPractice.objects.exclude(slug=WORKSPACE["waiting_practice"]["slug"])


@pytest.fixture
def seeded(db):
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_creates_three_published_practices_per_region(seeded):
    assert partnerships_practices().count() == 15
    assert "15 new good practices" in seeded
    assert not partnerships_practices().exclude(status=PracticeStatus.PUBLISHED).exists()
    assert not partnerships_practices().filter(published_at__isnull=True).exists()
    for slug in ("pecs", "lombardy", "podkarpackie", "castilla-y-leon", "klaipeda"):
        assert partnerships_practices().filter(region__slug=slug).count() == 3, slug
    for practice in GoodPractice.objects.select_related("owner", "region"):
        assert practice.owner.region_id == practice.region_id
        assert practice.themes.exists()


def test_the_ten_themes_are_seeded(seeded):
    names = set(Theme.objects.values_list("name", flat=True))
    assert {"Access to finance", "Women's entrepreneurship", "Rural SMEs"} <= names
    assert len(names) == 10


def test_the_three_publicly_known_practices_are_there(seeded):
    women = GoodPractice.objects.get(title="Promoting Women Entrepreneurship")
    assert women.region.slug == "pecs"
    assert "grants for self-employment" in women.summary.lower()
    finance = GoodPractice.objects.get(title="Financial support for SMEs")
    assert finance.region.slug == "klaipeda"
    assert (finance.start_year, finance.end_year) == (2019, 2020)
    network = GoodPractice.objects.get(
        title="Network of business and entrepreneurship management technicians"
    )
    assert network.region.slug == "castilla-y-leon"
    assert network.owner.short_name == "SODEBUR"


def test_lombardy_adopted_the_hungarian_women_practice(seeded):
    transfer = Transfer.objects.get(
        practice__slug="promoting-women-entrepreneurship", region__slug="lombardy"
    )
    assert transfer.stage == TransferStage.ADOPTED
    assert "Women 2027" in transfer.notes
    stages = set(Transfer.objects.values_list("stage", flat=True))
    assert {TransferStage.INTEREST, TransferStage.STUDY} <= stages


def test_invented_details_are_marked_illustrative(seeded):
    practice = GoodPractice.objects.get(slug="hungary-croatia-business-partner-meetings")
    assert "illustrative" in (practice.summary + practice.description).lower()


def test_seeding_again_creates_nothing_and_keeps_partners_edits(seeded):
    GoodPractice.objects.filter(slug="klaipeda-pre-accelerator").update(summary="Edited.")
    out = StringIO()
    call_command("seed_demo", stdout=out)
    assert "0 new good practices" in out.getvalue()
    assert partnerships_practices().count() == 15
    assert Transfer.objects.count() == 5
    assert GoodPractice.objects.get(slug="klaipeda-pre-accelerator").summary == "Edited."


def test_seeded_practices_are_found_by_search(seeded, client):
    response = client.get("/practices/", {"q": "women"})
    assert response.status_code == 200
    assert "Promoting Women Entrepreneurship" in response.content.decode()
