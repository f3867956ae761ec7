"""The demo's Interregional synthesis: after `seed_demo` a draft by the coordinator, every
section written, citing the demo reports' own sections at the paragraphs that draw on them; a
second run adds nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from synthesis.models import Citation, Synthesis, SynthesisStatus

pytestmark = pytest.mark.django_db


def test_the_demo_synthesis_is_a_draft_citing_the_regions_reports():
    call_command("seed_demo", stdout=StringIO())
    synthesis = Synthesis.objects.get()
    assert synthesis.status == SynthesisStatus.DRAFT
    assert synthesis.created_by.email == "coordinator@demo.interventures.eu"
    assert all(section.body for section in synthesis.sections.all())
    cited = {
        (citation.source.report.region.slug, citation.source.key)
        for citation in Citation.objects.select_related("source__report__region")
    }
    assert ("pecs", "barriers") in cited
    assert ("castilla-y-leon", "public_support") in cited
    assert len(cited) == 6
    assert all(not citation.source_changed for citation in Citation.objects.all())
    call_command("seed_demo", stdout=StringIO())
    assert Synthesis.objects.count() == 1
    assert Citation.objects.count() == 6
