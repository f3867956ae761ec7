"""The Interregional synthesis: who reads and writes it, its sections (sanitised, versioned,
conflicts), citations of regional report sections ("source changed since cited", confirmed and
logged) and its review by a second coordinator."""

import io

import pytest
from django.urls import reverse
from docx import Document as WordDocument

from interventures.activity.selectors import entries_for
from reports.models import ReportSection, ReportStatus
from reports.services import section_save as report_section_save
from synthesis.models import Citation, Synthesis, SynthesisStatus
from synthesis.services import citation_add, section_save, synthesis_create
from tests.harness import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def synthesis(coordinator):
    return synthesis_create(title="Five border regions compared", language="en", actor=coordinator)


@pytest.fixture
def approved_report(region_a):
    return factories.make_report(
        region_a, title="Lombardy report", status="approved", texts=factories.complete_texts()
    )


@pytest.fixture
def second_coordinator():
    return factories.make_user("second.coordinator@example.org", is_coordinator=True)


def url(name, synthesis, **kwargs):
    return reverse(f"synthesis:{name}", kwargs={"pk": synthesis.pk, **kwargs})


def write_every_section(synthesis, author):
    for section in synthesis.sections.all():
        section_save(
            section=section,
            author=author,
            body=f"<p>What the five regions share about {section.key}.</p>",
            base_version=section.version,
        )


def test_a_coordinator_starts_a_synthesis_with_the_outlines_six_sections(login, coordinator):
    response = login(coordinator).post(
        reverse("synthesis:synthesis_create"), {"title": "Joint analysis", "language": "en"}
    )
    synthesis = Synthesis.objects.get()
    assert response.status_code == 302
    assert response["Location"] == synthesis.get_absolute_url()
    assert [section.key for section in synthesis.sections.all()] == [
        "introduction",
        "common_barriers",
        "regions_compared",
        "policy_instruments",
        "lessons",
        "recommendations",
    ]
    assert entries_for(synthesis).get().verb == "synthesis.created"


def test_a_synthesis_without_a_title_is_refused_with_a_message(login, coordinator):
    response = login(coordinator).post(
        reverse("synthesis:synthesis_create"), {"title": "", "language": "en"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["title"]
    assert not Synthesis.objects.exists()


def test_a_region_editor_cannot_start_a_synthesis(login, owner):
    response = login(owner).post(
        reverse("synthesis:synthesis_create"), {"title": "Joint analysis", "language": "en"}
    )
    assert response.status_code == 403


def test_every_regions_partners_read_the_draft_and_visitors_do_not_find_it(
    login, synthesis, owner, outsider, colleague, stakeholder
):
    for reader in (owner, outsider, colleague):
        assert login(reader).get(synthesis.get_absolute_url()).status_code == 200
    assert login(stakeholder).get(synthesis.get_absolute_url()).status_code == 404
    assert login(None).get(synthesis.get_absolute_url()).status_code == 404


def test_visitors_read_the_approved_synthesis_without_its_comments_or_history(
    login, synthesis, coordinator
):
    write_every_section(synthesis, coordinator)
    Synthesis.objects.filter(pk=synthesis.pk).update(status=SynthesisStatus.APPROVED)
    response = login(None).get(synthesis.get_absolute_url())
    assert response.status_code == 200
    assert "What the five regions share about lessons." in response.text
    assert response.context["comments"] is None
    assert not response.context["names_shown"]
    assert login(None).get(url("synthesis_history", synthesis)).status_code == 403
    assert synthesis in list(
        login(None).get(reverse("synthesis:synthesis_list")).context["syntheses"]
    )


def test_a_partner_of_another_region_comments_on_a_section(login, synthesis, outsider):
    response = login(outsider).post(
        url("comment_add", synthesis),
        {"section": "common_barriers", "body": "Podkarpackie has the same language barrier."},
    )
    assert response.status_code == 302
    assert synthesis.comments.get().section.key == "common_barriers"


def test_a_coordinator_saves_a_section_and_a_script_in_it_is_stripped(
    login, synthesis, coordinator
):
    response = login(coordinator).post(
        url("section_edit", synthesis, key="introduction"),
        {"body": "<p>Five regions.</p><script>alert(1)</script>", "base_version": 0},
    )
    section = synthesis.sections.get(key="introduction")
    assert response.status_code == 302
    assert section.body == "<p>Five regions.</p>"
    assert section.version == 1
    assert section.history.get().history_user == coordinator


def test_a_stale_save_shows_the_differences_and_keeps_the_writers_text(
    login, synthesis, coordinator, second_coordinator
):
    section = synthesis.sections.get(key="lessons")
    section_save(section=section, author=second_coordinator, body="<p>Theirs.</p>", base_version=0)
    response = login(coordinator).post(
        url("section_edit", synthesis, key="lessons"), {"body": "<p>Mine.</p>", "base_version": 0}
    )
    assert response.status_code == 409
    assert "Mine." in response.context["form"].data["body"]
    section.refresh_from_db()
    assert section.body == "<p>Theirs.</p>"


def test_a_region_editor_cannot_write_a_section(login, synthesis, owner):
    response = login(owner).post(
        url("section_edit", synthesis, key="introduction"),
        {"body": "<p>Ours.</p>", "base_version": 0},
    )
    assert response.status_code == 403


def test_citing_a_regional_section_marks_the_paragraph_with_a_link_to_it(
    login, synthesis, coordinator, approved_report
):
    section = synthesis.sections.get(key="common_barriers")
    section_save(
        section=section,
        author=coordinator,
        body="<p>Languages divide the border.</p><p>Red tape too.</p>",
        base_version=0,
    )
    source = approved_report.sections.get(key="barriers")
    client = login(coordinator)
    form = client.get(url("citation_add", synthesis, key="common_barriers"))
    assert form.status_code == 200
    assert "2. Red tape too." in form.text
    response = client.post(
        url("citation_add", synthesis, key="common_barriers"),
        {"paragraph": 2, "source": source.pk},
    )
    assert response.status_code == 302
    citation = Citation.objects.get()
    assert (citation.cited_version, citation.cited_text) == (source.version, source.body)
    page = client.get(synthesis.get_absolute_url()).text
    link = f"/reports/{approved_report.pk}/#section-barriers"
    assert f'Red tape too.<sup class="citation-mark" id="cite-1"><a href="{link}"' in page
    assert "Source changed since cited" not in page
    assert entries_for(synthesis).filter(verb="synthesis.cited").exists()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"paragraph": 7, "source": "x"}, "paragraph"),
        ({"paragraph": 1, "source": 999999}, "source"),
    ],
)
def test_a_citation_of_a_paragraph_or_section_that_is_not_there_is_refused(
    login, synthesis, coordinator, approved_report, data, field
):
    response = login(coordinator).post(url("citation_add", synthesis, key="introduction"), data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Citation.objects.exists()


def test_a_changed_source_is_told_and_confirming_the_citation_is_logged(
    login, synthesis, coordinator, approved_report, owner
):
    source = approved_report.sections.get(key="barriers")
    citation = citation_add(
        section=synthesis.sections.get(key="common_barriers"),
        paragraph=1,
        source=source,
        actor=coordinator,
    )
    # The report is reopened and its barriers rewritten after its approval.
    approved_report.status = ReportStatus.CHANGES_REQUESTED
    approved_report.save()
    report_section_save(
        section=source, author=owner, body="<p>Customs delays.</p>", base_version=source.version
    )
    client = login(coordinator)
    page = client.get(synthesis.get_absolute_url()).text
    assert "Source changed since cited" in page
    change = client.get(url("citation_detail", synthesis, citation_pk=citation.pk))
    assert "Customs delays." in change.text
    assert "<ins>" in change.text
    response = client.post(url("citation_confirm", synthesis, citation_pk=citation.pk))
    assert response.status_code == 302
    citation.refresh_from_db()
    source.refresh_from_db()
    assert citation.cited_version == source.version
    assert citation.cited_text == "<p>Customs delays.</p>"
    assert "Source changed since cited" not in client.get(synthesis.get_absolute_url()).text
    assert entries_for(synthesis).filter(verb="synthesis.citation_confirmed").exists()


def test_submitting_needs_every_section_written(login, synthesis, coordinator):
    client = login(coordinator)
    client.post(url("synthesis_submit", synthesis))
    synthesis.refresh_from_db()
    assert synthesis.status == SynthesisStatus.DRAFT


def test_the_submitter_cannot_approve_another_coordinator_does(
    login, synthesis, coordinator, second_coordinator
):
    write_every_section(synthesis, coordinator)
    assert login(coordinator).post(url("synthesis_submit", synthesis)).status_code == 302
    synthesis.refresh_from_db()
    assert synthesis.status == SynthesisStatus.IN_REVIEW
    assert login(coordinator).post(url("synthesis_approve", synthesis)).status_code == 403
    response = login(second_coordinator).post(url("synthesis_approve", synthesis))
    assert response.status_code == 302
    synthesis.refresh_from_db()
    assert synthesis.status == SynthesisStatus.APPROVED


def test_changes_are_requested_with_a_reason_only(
    login, synthesis, coordinator, second_coordinator
):
    write_every_section(synthesis, coordinator)
    login(coordinator).post(url("synthesis_submit", synthesis))
    client = login(second_coordinator)
    refused = client.post(url("synthesis_request_changes", synthesis), {"changes-reason": ""})
    assert refused.status_code == 400
    client.post(url("synthesis_request_changes", synthesis), {"changes-reason": "Cite Klaipėda."})
    synthesis.refresh_from_db()
    assert synthesis.status == SynthesisStatus.CHANGES_REQUESTED


def test_a_synthesis_citing_a_draft_report_is_not_approved(
    login, synthesis, coordinator, second_coordinator, region_b
):
    draft = factories.make_report(region_b, texts=factories.complete_texts())
    write_every_section(synthesis, coordinator)
    citation_add(
        section=synthesis.sections.get(key="introduction"),
        paragraph=1,
        source=ReportSection.objects.get(report=draft, key="barriers"),
        actor=coordinator,
    )
    login(coordinator).post(url("synthesis_submit", synthesis))
    response = login(second_coordinator).post(url("synthesis_approve", synthesis), follow=True)
    assert "cites reports that are not approved yet" in response.text
    synthesis.refresh_from_db()
    assert synthesis.status == SynthesisStatus.IN_REVIEW


def test_the_word_export_has_each_citation_as_a_footnote(
    login, synthesis, coordinator, approved_report
):
    section = synthesis.sections.get(key="common_barriers")
    section_save(
        section=section, author=coordinator, body="<p>Languages divide.</p>", base_version=0
    )
    citation_add(
        section=section,
        paragraph=1,
        source=approved_report.sections.get(key="barriers"),
        actor=coordinator,
    )
    response = login(coordinator).get(url("synthesis_docx", synthesis))
    assert response.status_code == 200
    assert (
        'filename="interventures-synthesis-five-border-regions-compared.docx"'
        in (response["Content-Disposition"])
    )
    document = WordDocument(io.BytesIO(response.content))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "1. Common barriers" in headings
    footnotes = next(
        part for part in document.part.package.parts if part.partname.endswith("footnotes.xml")
    )
    assert "“Lombardy report”, section “Barriers”" in footnotes.blob.decode()
    links = [rel.target_ref for rel in footnotes.rels.values() if rel.is_external]
    assert any(link.endswith(f"/reports/{approved_report.pk}/#section-barriers") for link in links)


def test_a_persons_data_export_holds_their_synthesis_versions_citations_and_comments(
    synthesis, coordinator, approved_report, outsider
):
    from interventures.comments.services import comment_add
    from portal.selectors import personal_data_of
    from synthesis.comments import SYNTHESIS_COMMENTS

    write_every_section(synthesis, coordinator)
    citation_add(
        section=synthesis.sections.get(key="lessons"),
        paragraph=1,
        source=approved_report.sections.get(key="barriers"),
        actor=coordinator,
    )
    comment_add(
        commentable=SYNTHESIS_COMMENTS, target=synthesis, author=outsider, body="Cite Klaipėda."
    )
    mine = personal_data_of(coordinator)
    assert len(mine["synthesis_versions_saved"]) == 6
    assert mine["synthesis_citations"][0]["synthesis"] == synthesis.title
    assert personal_data_of(outsider)["synthesis_comments"][0]["text"] == "Cite Klaipėda."


def test_a_submitted_synthesis_waits_in_the_coordinators_review_queue_and_header_count(
    login, synthesis, coordinator, second_coordinator
):
    from portal.selectors import review_queue, work_counts

    write_every_section(synthesis, coordinator)
    login(coordinator).post(url("synthesis_submit", synthesis))
    assert [item.url for item in review_queue()] == [synthesis.get_absolute_url()]
    assert work_counts(second_coordinator).to_review == 1


def test_the_admin_shows_a_synthesis_and_its_citations_without_changing_their_state(
    login, superuser, synthesis
):
    client = login(superuser)
    change = client.get(reverse("admin:synthesis_synthesis_change", args=[synthesis.pk]))
    assert change.status_code == 200
    assert client.get(reverse("admin:synthesis_citation_changelist")).status_code == 200
    client.post(
        reverse("admin:synthesis_synthesis_change", args=[synthesis.pk]),
        {"title": synthesis.title, "language": "en", "status": "approved"},
    )
    synthesis.refresh_from_db()
    assert synthesis.status == SynthesisStatus.DRAFT
