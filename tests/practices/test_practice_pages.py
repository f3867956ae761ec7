"""Writing a good practice, its page, and the public contact's consent."""

import pytest
from django.urls import reverse

from interventures.activity.services import log_action
from interventures.richtext import RICH_TEXT_MAX_CHARS
from practices.models import GoodPractice, PracticeStatus, Theme, Transfer
from practices.services import CONTACT_CONSENT_WORDING
from tests.harness import factories
from tests.harness.queries import assert_queries_do_not_grow

RICH_TEXT_FIELDS = (
    "description",
    "resources_needed",
    "evidence_of_success",
    "difficulties",
    "potential_for_transfer",
)


@pytest.fixture
def themes(db):
    return [
        Theme.objects.create(name="Export promotion", slug="export-promotion"),
        Theme.objects.create(name="Digital trade", slug="digital-trade"),
    ]


def record(region, owner_org, **overrides):
    data = {
        "region": region.pk,
        "owner": owner_org.pk,
        "title": "Export vouchers for micro firms",
        "main_institution": "Lombardy Region",
        "location": "Milan",
        "summary": "Vouchers that paid for a first trade fair abroad.",
        "description": "<p>The region paid <strong>half</strong> of the costs.</p>",
        "resources_needed": "<p>2 million euros.</p>",
        "evidence_of_success": "<p>300 firms exported.</p>",
        "difficulties": "<p>Paperwork.</p>",
        "potential_for_transfer": "<p>High.</p>",
        "instrument_type": "grant",
        "progress": "ongoing",
        "start_year": "2018",
        "end_year": "2022",
        "website": "https://example.org/vouchers",
        "language": "en",
        "contact_name": "",
        "contact_email": "",
    }
    data.update(overrides)
    return data


def edit_data(practice, **overrides):
    data = record(practice.region, practice.owner, title=practice.title)
    del data["region"]
    data.update(overrides)
    return data


# --- creating -----------------------------------------------------------------------------------


def test_region_editor_creates_a_draft_practice_of_her_region(
    owner, org_a, region_a, themes, login
):
    data = record(region_a, org_a, themes=[themes[0].pk])
    response = login(owner).post(reverse("practices:practice_create"), data)
    practice = GoodPractice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == practice.get_absolute_url()
    assert practice.status == PracticeStatus.DRAFT
    assert practice.region == region_a
    assert practice.owner == org_a
    assert practice.slug == "export-vouchers-for-micro-firms"
    assert list(practice.themes.all()) == [themes[0]]
    assert practice.start_year == 2018


def test_the_slug_is_unique_and_set_by_the_service(owner, org_a, region_a, login):
    client = login(owner)
    for _ in range(2):
        client.post(reverse("practices:practice_create"), record(region_a, org_a, slug="mine"))
    slugs = sorted(GoodPractice.objects.values_list("slug", flat=True))
    assert slugs == ["export-vouchers-for-micro-firms", "export-vouchers-for-micro-firms-2"]


def test_a_practice_titled_like_a_page_gets_a_slug_of_its_own(owner, org_a, region_a, login):
    login(owner).post(reverse("practices:practice_create"), record(region_a, org_a, title="New"))
    assert GoodPractice.objects.get().slug == "new-2"


def test_posted_status_is_ignored(owner, org_a, region_a, login):
    data = record(region_a, org_a, status="published")
    login(owner).post(reverse("practices:practice_create"), data)
    assert GoodPractice.objects.get().status == PracticeStatus.DRAFT


def test_create_form_offers_only_the_editors_regions(owner, region_a, region_b, login):
    response = login(owner).get(reverse("practices:practice_create"))
    assert response.status_code == 200
    assert list(response.context["form"].fields["region"].queryset) == [region_a]


def test_empty_title_is_refused_with_a_message(owner, org_a, region_a, login):
    data = record(region_a, org_a, title="")
    response = login(owner).post(reverse("practices:practice_create"), data)
    assert response.status_code == 400
    assert "title" in response.context["form"].errors
    assert b"Please correct the following" in response.content
    assert not GoodPractice.objects.exists()


@pytest.mark.parametrize(
    "title", ["A\r\nBcc: x@example.org", "Tab\tin a title", "Null\x00byte", "Line\u2028separator"]
)
def test_a_title_with_a_line_break_or_control_character_is_refused_with_a_message(
    owner, org_a, region_a, login, title
):
    response = login(owner).post(
        reverse("practices:practice_create"), record(region_a, org_a, title=title)
    )

    assert response.status_code == 400
    assert "title" in response.context["form"].errors
    assert not GoodPractice.objects.exists()


def test_rich_text_over_its_size_cap_is_refused_with_a_message(owner, org_a, region_a, login):
    description = "<p>" + "x" * RICH_TEXT_MAX_CHARS + "</p>"

    response = login(owner).post(
        reverse("practices:practice_create"), record(region_a, org_a, description=description)
    )

    assert response.status_code == 400
    assert "at most 50000 characters" in str(response.context["form"].errors["description"])
    assert not GoodPractice.objects.exists()


def test_editor_cannot_give_the_practice_an_owner_from_another_region(
    owner, org_a, org_b, region_a, login
):
    response = login(owner).post(reverse("practices:practice_create"), record(region_a, org_b))
    assert response.status_code == 400
    assert "owner" in response.context["form"].errors
    assert not GoodPractice.objects.exists()


def test_every_problem_of_the_record_is_shown_the_first_time(owner, org_a, region_a, login):
    data = record(region_a, org_a, start_year="2022", end_year="2019", contact_name="Anna Kovács")

    response = login(owner).post(reverse("practices:practice_create"), data)

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert errors["end_year"] == ["The end year cannot be before the start year."]
    assert "contact_consent" in errors
    assert not GoodPractice.objects.exists()


def test_editor_cannot_create_a_practice_for_another_region(owner, org_b, region_b, login):
    response = login(owner).post(reverse("practices:practice_create"), record(region_b, org_b))
    assert response.status_code == 400
    assert "region" in response.context["form"].errors
    assert not GoodPractice.objects.exists()


@pytest.mark.parametrize("role", ["colleague", "coordinator", "stakeholder"])
def test_only_editors_create_practices(role, world, login):
    client = login(getattr(world, role))
    assert client.get(reverse("practices:practice_create")).status_code == 403
    data = record(world.region_a, world.org_a)
    assert client.post(reverse("practices:practice_create"), data).status_code == 403
    assert not GoodPractice.objects.exists()


def test_anonymous_visitor_is_sent_to_sign_in_to_create(login):
    response = login(None).get(reverse("practices:practice_create"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


# --- rich text ----------------------------------------------------------------------------------


@pytest.mark.parametrize("field", RICH_TEXT_FIELDS)
def test_rich_text_is_sanitised_on_save(field, owner, org_a, region_a, login):
    hostile = (
        '<p onclick="steal()">Fine<script>alert(1)</script>'
        '<a href="javascript:alert(2)">link</a><img src=x onerror=alert(3)></p>'
    )
    login(owner).post(
        reverse("practices:practice_create"), record(region_a, org_a, **{field: hostile})
    )
    saved = getattr(GoodPractice.objects.get(), field)
    assert "script" not in saved
    assert "onclick" not in saved
    assert "javascript:" not in saved
    assert "onerror" not in saved
    assert "Fine" in saved


def test_rich_text_is_sanitised_on_edit_too(owner, region_a, login):
    practice = factories.make_practice(region_a, status="draft")
    data = edit_data(practice, description="<p>Ok</p><script>alert(1)</script>")
    login(owner).post(reverse("practices:practice_edit", args=[practice.slug]), data)
    practice.refresh_from_db()
    assert practice.description == "<p>Ok</p>"


# --- editing ------------------------------------------------------------------------------------


@pytest.mark.parametrize("status", ["draft", "returned"])
def test_region_editor_edits_a_draft_or_returned_practice(status, owner, region_a, login):
    practice = factories.make_practice(region_a, status=status)
    url = reverse("practices:practice_edit", args=[practice.slug])
    client = login(owner)
    assert client.get(url).status_code == 200
    response = client.post(url, edit_data(practice, title="Renamed practice"))
    assert response.status_code == 302
    practice.refresh_from_db()
    assert practice.title == "Renamed practice"
    assert practice.slug.startswith("practice-")  # the URL stays
    assert practice.status == status


@pytest.mark.parametrize("status", ["submitted", "published"])
def test_region_editor_cannot_edit_a_submitted_or_published_practice(
    status, owner, region_a, login
):
    practice = factories.make_practice(region_a, status=status)
    url = reverse("practices:practice_edit", args=[practice.slug])
    assert login(owner).get(url).status_code == 403
    assert login(owner).post(url, edit_data(practice, title="Changed")).status_code == 403
    practice.refresh_from_db()
    assert practice.title != "Changed"


@pytest.mark.parametrize("role", ["colleague", "coordinator"])
def test_partners_who_see_a_draft_but_do_not_edit_it_get_403(role, world, login):
    practice = factories.make_practice(world.region_a, status="draft")
    url = reverse("practices:practice_edit", args=[practice.slug])
    assert login(getattr(world, role)).get(url).status_code == 403


@pytest.mark.parametrize("role", ["outsider", "stakeholder"])
def test_another_regions_draft_cannot_be_edited_and_is_not_confirmed(role, world, login):
    practice = factories.make_practice(world.region_a, status="draft")
    url = reverse("practices:practice_edit", args=[practice.slug])
    client = login(getattr(world, role))
    assert client.get(url).status_code == 404
    assert client.post(url, edit_data(practice, title="Hijacked")).status_code == 404


def test_editing_refuses_an_owner_from_another_region(owner, org_b, region_a, login):
    practice = factories.make_practice(region_a, status="draft")
    url = reverse("practices:practice_edit", args=[practice.slug])
    response = login(owner).post(url, edit_data(practice, owner=org_b.pk))
    assert response.status_code == 400
    assert "owner" in response.context["form"].errors
    practice.refresh_from_db()
    assert practice.owner.region == region_a


def test_editing_keeps_the_typed_text_when_the_title_is_empty(owner, region_a, login):
    practice = factories.make_practice(region_a, status="draft")
    url = reverse("practices:practice_edit", args=[practice.slug])
    response = login(owner).post(url, edit_data(practice, title="", summary="Typed summary"))
    assert response.status_code == 400
    assert b"Typed summary" in response.content


# --- the page -----------------------------------------------------------------------------------


def test_practice_page_shows_every_part_of_the_record(region_a, themes, login):
    practice = factories.make_practice(
        region_a,
        main_institution="Lombardy Region",
        location="Milan",
        description="<p>Detailed text</p>",
        resources_needed="<p>Two people</p>",
        evidence_of_success="<p>Many exports</p>",
        difficulties="<p>Paperwork</p>",
        potential_for_transfer="<p>Good</p>",
        start_year=2018,
        end_year=2021,
        progress="finished",
        website="https://example.org/p",
    )
    practice.themes.set(themes)
    html = login(None).get(practice.get_absolute_url()).content.decode()
    for text in (
        practice.title,
        practice.summary,
        "Lombardy Region",
        "Milan",
        "Detailed text",
        "Two people",
        "Many exports",
        "Paperwork",
        "Detailed description",
        "Resources needed",
        "Evidence of success",
        "Difficulties encountered / lessons learnt",
        "Potential for learning or transfer",
        "Export promotion",
        "Digital trade",
        "Grant",
        "2018–2021",
        "Finished",
        "https://example.org/p",
        region_a.name,
        practice.owner.name,
        "Express interest",
    ):
        assert text in html, text


def test_content_in_another_language_is_marked(region_a, login):
    practice = factories.make_practice(region_a, language="it")
    html = login(None).get(practice.get_absolute_url()).content.decode()
    assert 'lang="it"' in html


def test_related_practices_share_a_theme_and_are_published(region_a, region_b, themes, login):
    practice = factories.make_practice(region_a)
    practice.themes.set([themes[0]])
    related = factories.make_practice(region_b, title="Related one")
    related.themes.set([themes[0]])
    draft = factories.make_practice(region_b, status="draft", title="Hidden draft")
    draft.themes.set([themes[0]])
    unrelated = factories.make_practice(region_b, title="Unrelated one")
    unrelated.themes.set([themes[1]])
    response = login(None).get(practice.get_absolute_url())
    assert list(response.context["related"]) == [related]


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "outsider"])
def test_drafts_answer_404_to_those_outside_the_region(role, world, login):
    practice = factories.make_practice(world.region_a, status="draft")
    user = None if role == "anonymous" else getattr(world, role)
    assert login(user).get(practice.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("role", ["owner", "colleague", "coordinator"])
def test_region_partners_and_coordinators_see_a_draft_and_its_status(role, world, login):
    practice = factories.make_practice(world.region_a, status="draft")
    response = login(getattr(world, role)).get(practice.get_absolute_url())
    assert response.status_code == 200
    assert b"Publication history" in response.content


def test_the_public_does_not_see_the_publication_history(region_a, login):
    practice = factories.make_practice(region_a)
    assert b"Publication history" not in login(None).get(practice.get_absolute_url()).content


def test_detail_page_queries_do_not_grow_with_themes_transfers_and_steps(world, login):
    practice = factories.make_practice(world.region_a)
    practice.themes.set([Theme.objects.create(name="Seed", slug="seed")])
    factories.make_practice(world.region_b).themes.set(practice.themes.all())

    def make_rows(n):
        for _ in range(n):
            number = Theme.objects.count() + 1
            theme = Theme.objects.create(name=f"Theme {number}", slug=f"theme-{number}")
            practice.themes.add(theme)
            region = factories.make_region()
            Transfer.objects.create(practice=practice, region=region, stage="study")
            log_action(
                actor=world.coordinator,
                verb="practice.returned",
                target=practice,
                from_state="submitted",
                to_state="returned",
            )

    for user in (None, world.owner, world.coordinator):
        assert_queries_do_not_grow(login(user), practice.get_absolute_url(), make_rows)


# --- consent of the contact person --------------------------------------------------------------


def test_contact_is_hidden_without_recorded_consent(region_a, login):
    practice = factories.make_practice(
        region_a, contact_name="Paola Rossi", contact_email="paola@example.org"
    )
    html = login(None).get(practice.get_absolute_url()).content.decode()
    assert "Paola Rossi" not in html
    assert "paola@example.org" not in html


def test_contact_with_consent_is_shown_and_the_consent_recorded(owner, org_a, region_a, login):
    data = record(
        region_a,
        org_a,
        contact_name="Paola Rossi",
        contact_email="paola@example.org",
        contact_consent="on",
    )
    login(owner).post(reverse("practices:practice_create"), data)
    practice = GoodPractice.objects.get()
    assert practice.contact_consent_at is not None
    assert practice.contact_consent_wording == str(CONTACT_CONSENT_WORDING)
    practice.status = PracticeStatus.PUBLISHED
    practice.save()
    html = login(None).get(practice.get_absolute_url()).content.decode()
    assert "Paola Rossi" in html
    assert "paola@example.org" in html


def test_the_form_shows_the_consent_wording(owner, login):
    response = login(owner).get(reverse("practices:practice_create"))
    assert str(CONTACT_CONSENT_WORDING) in response.content.decode()


def test_a_contact_without_consent_is_refused(owner, org_a, region_a, login):
    data = record(region_a, org_a, contact_name="Paola Rossi")
    response = login(owner).post(reverse("practices:practice_create"), data)
    assert response.status_code == 400
    assert "contact_consent" in response.context["form"].errors
    assert not GoodPractice.objects.exists()


def consented_practice(region):
    from django.utils import timezone

    return factories.make_practice(
        region,
        contact_name="Paola Rossi",
        contact_email="paola@example.org",
        contact_consent_at=timezone.now(),
        contact_consent_wording=str(CONTACT_CONSENT_WORDING),
    )


def test_withdrawing_consent_hides_the_contact_at_once(owner, region_a, login):
    practice = consented_practice(region_a)
    url = reverse("practices:contact_withdraw", args=[practice.slug])
    assert login(owner).post(url).status_code == 302
    practice.refresh_from_db()
    assert (practice.contact_name, practice.contact_email) == ("", "")
    assert practice.contact_consent_at is None
    assert practice.contact_consent_wording == ""
    assert b"Paola Rossi" not in login(None).get(practice.get_absolute_url()).content


@pytest.mark.parametrize("role", ["colleague", "coordinator", "stakeholder", "outsider"])
def test_only_the_regions_editors_withdraw_the_contact(role, world, login):
    practice = consented_practice(world.region_a)
    url = reverse("practices:contact_withdraw", args=[practice.slug])
    assert login(getattr(world, role)).post(url).status_code == 403
    practice.refresh_from_db()
    assert practice.shows_contact


# --- search and admin ---------------------------------------------------------------------------


def test_saving_a_practice_refreshes_its_search_vector_on_postgresql(owner, org_a, region_a, login):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the search vector is PostgreSQL's")
    login(owner).post(reverse("practices:practice_create"), record(region_a, org_a))
    assert GoodPractice.objects.get().search_vector is not None


def test_site_admin_manages_practices_themes_transfers_and_interests(world, login):
    practice = factories.make_practice(world.region_a)
    client = login(world.superuser)
    for url in (
        reverse("admin:practices_goodpractice_changelist"),
        reverse("admin:practices_goodpractice_change", args=[practice.pk]),
        reverse("admin:practices_goodpractice_add"),
        reverse("admin:practices_theme_changelist"),
        reverse("admin:practices_transfer_changelist"),
        reverse("admin:practices_interest_changelist"),
    ):
        assert client.get(url).status_code == 200, url
