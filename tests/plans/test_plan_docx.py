"""An action plan as a Word document: who may download it (as its PDF), its parts and actions
as headings with the records each action draws on, its facts, the DRAFT header and the name."""

import io

import docx
import pytest
from django.urls import reverse

from tests.harness import factories
from tests.plans.test_plan_pdf import linked_plan  # noqa: F401 - the PDF tests' plan

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def download(client, plan, **params):
    return client.get(reverse("plans:plan_docx", args=[plan.pk]), params)


def read(response) -> docx.document.Document:
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == WORD
    return docx.Document(io.BytesIO(response.content))


def test_a_draft_plan_is_a_word_document_of_its_parts_and_actions(login, owner, linked_plan):  # noqa: F811
    response = download(login(owner), linked_plan)
    document = read(response)
    assert response["Content-Disposition"] == (
        'attachment; filename="interventures-action-plan-lombardy-v4.docx"'
    )
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name[:7] == "Heading"
    ]
    assert [text for style, text in headings if style == "Heading 1"] == [
        "1. General information",
        "2. Policy context",
        "3. Details of the actions",
        "4. Summary in English",
    ]
    first, second, _third = [text for style, text in headings if style == "Heading 2"]
    assert first.startswith("Action 1: Action 1 of plan")
    assert second == "Action 2: A short action"
    text = "\n".join(p.text for p in document.paragraphs)
    for expected in (
        "Contact person: Paola Rossi",
        "The study visit to Klaipėda showed how vouchers work.",
        "Good practice “Klaipėda export vouchers” (Klaipėda)",
        "Transfer of “Klaipėda export vouchers” to Lombardy, study",
        "Costs: 125,000.00 EUR",
        "Timeframe: February 2022 – July 2023",
        "Vouchers for first exporters.",
    ):
        assert expected in text
    assert document.sections[0].header.paragraphs[0].text == "DRAFT"
    assert document.core_properties.language == "it-IT"


@pytest.mark.parametrize("role", ["outsider", "stakeholder", "anonymous"])
def test_others_get_404_for_a_draft_plan(role, request, login, region_a):
    plan = factories.make_plan(region_a)
    assert download(login(request.getfixturevalue(role)), plan).status_code == 404


def test_visitors_download_an_approved_plan_without_the_draft_header(login, region_a):
    plan = factories.make_plan(region_a, status="approved")
    document = read(download(login(None), plan))
    assert "DRAFT" not in document.sections[0].header.paragraphs[0].text
    assert download(login(None), plan, lang="xx").status_code == 400


def test_the_plan_page_offers_the_word_download_beside_the_pdf(login, owner, region_a):
    plan = factories.make_plan(region_a)
    page = login(owner).get(plan.get_absolute_url()).content.decode()
    assert f'formaction="{reverse("plans:plan_docx", args=[plan.pk])}"' in page
    assert f'formaction="{reverse("plans:plan_odt", args=[plan.pk])}"' in page


def test_a_plan_is_also_opendocument_text_for_the_same_readers(login, owner, outsider, region_a):
    plan = factories.make_plan(region_a, title="Lombardy action plan")
    url = reverse("plans:plan_odt", args=[plan.pk])
    response = login(owner).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oasis.opendocument.text"
    assert response["Content-Disposition"].endswith('.odt"')
    assert b"mimetypeapplication/vnd.oasis.opendocument.text" in response.content[:100]
    assert login(outsider).get(url).status_code == 404
