"""Two writers save the same version of a section at the same moment: exactly one save wins,
the other gets a conflict (never an error page, never a lost or half-written text).

The threads use their own database connections, so these tests commit for real
(`transaction=True`) and close their connections when they end.
"""

import threading

import pytest
from django.db import connection
from django.urls import reverse

from reports.models import ReportSection
from reports.services import SectionConflict, section_save
from tests.harness import factories

TEXTS = (
    "<p>Olivia's text: ports and trade fairs bring buyers from abroad.</p>",
    "<p>Elena's text: the border region trades mostly with its neighbours.</p>",
)


@pytest.fixture
def second_editor(org_a):
    user = factories.make_user("elena.editor@lombardy.example", first_name="Elena")
    factories.make_membership(user, org_a)
    return user


@pytest.fixture(autouse=True)
def _threads_share_the_test_database(transactional_db):
    """Threads open their own connections: an in-memory SQLite test database cannot be
    shared by them (SQLite answers "database table is locked"), a file can."""
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.fail(
            "The SQLite test database is in memory, so threads cannot share it: give it a "
            'file with DATABASES["default"]["TEST"] = {"NAME": ...} in '
            "interventures/settings/test.py."
        )


def run_together(*jobs):
    """Start every job in its own thread at the same instant; return what each returned or
    raised, in the order of `jobs`."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=10)
            outcomes[index] = job()
        except BaseException as error:  # the test inspects every outcome
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a save never finished"
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_saves_of_one_version_give_one_save_and_one_conflict(
    section_a, owner, second_editor
):
    base_version = section_a.version

    def save_as(author, body):
        def job():
            section = ReportSection.objects.get(pk=section_a.pk)
            return section_save(
                section=section, author=author, body=body, base_version=base_version
            )

        return job

    outcomes = run_together(save_as(owner, TEXTS[0]), save_as(second_editor, TEXTS[1]))

    saved = [outcome for outcome in outcomes if isinstance(outcome, ReportSection)]
    conflicts = [outcome for outcome in outcomes if isinstance(outcome, SectionConflict)]
    assert (len(saved), len(conflicts)) == (1, 1), f"unexpected outcomes: {outcomes!r}"
    section_a.refresh_from_db()
    assert section_a.body in TEXTS
    assert section_a.body == saved[0].body
    assert section_a.version == base_version + 1
    assert conflicts[0].current.body == section_a.body
    assert section_a.history.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_editors_saving_at_once_through_the_editor_get_one_save_and_one_conflict_page(
    login, section_a, owner, second_editor
):
    url = reverse("reports:section_edit", kwargs={"pk": section_a.report_id, "key": section_a.key})
    base_version = section_a.version
    clients = [login(owner), login(second_editor)]

    def post_as(client, body):
        return lambda: client.post(url, {"body": body, "base_version": base_version})

    outcomes = run_together(post_as(clients[0], TEXTS[0]), post_as(clients[1], TEXTS[1]))

    statuses = sorted(getattr(outcome, "status_code", repr(outcome)) for outcome in outcomes)
    assert statuses == [302, 409], f"unexpected outcomes: {outcomes!r}"
    section_a.refresh_from_db()
    assert section_a.body in TEXTS
    assert section_a.version == base_version + 1
    conflict_page = next(outcome for outcome in outcomes if outcome.status_code == 409)
    losing_text = next(text for text in TEXTS if text != section_a.body)
    # The writer who lost the race still has their text in the editor.
    assert "Someone saved this section while you were writing" in conflict_page.text
    assert losing_text.split(":")[0].removeprefix("<p>") in conflict_page.text.replace(
        "&#x27;", "'"
    )
