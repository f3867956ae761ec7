"""`/events/feed.atom`: the published events for feed readers, newest change first, no people."""

from xml.etree import ElementTree

import pytest
from django.urls import reverse

from events.services import registration_create
from tests.harness import factories

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def client(login):
    return login(None)


def entries(client, url=None):
    response = client.get(url or reverse("events:event_feed"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = ElementTree.fromstring(response.content)  # noqa: S314 - our own feed
    return feed.findall(f"{ATOM}entry")


def test_the_feed_lists_published_events_only_the_latest_changed_first(client, region_a, org_a):
    older = factories.make_event(region_a, title="Kick-off meeting", host_organisation=org_a)
    factories.make_event(region_a, title="Closing conference")
    factories.make_event(region_a, title="Unannounced study visit", published=False)
    older.summary = "The agenda is out."
    older.save()

    found = entries(client)

    assert [entry.findtext(f"{ATOM}title") for entry in found] == [
        "Kick-off meeting",
        "Closing conference",
    ]
    assert found[0].findtext(f"{ATOM}author/{ATOM}name") == org_a.name
    assert "The agenda is out." in found[0].findtext(f"{ATOM}summary")
    assert "Milan" in found[0].findtext(f"{ATOM}summary")


def test_the_feed_names_no_participant_nor_email(client, region_a, owner, stakeholder):
    event = factories.make_event(region_a, title="Study visit")
    registration_create(event=event, user=stakeholder)
    text = client.get(reverse("events:event_feed")).text
    for person in (owner, stakeholder):
        assert person.email not in text
    assert "@" not in text.split("<entry>", 1)[1]


def test_the_feed_speaks_the_readers_language(client, region_a):
    factories.make_event(region_a)
    hungarian = client.get("/hu" + reverse("events:event_feed"))
    assert hungarian.status_code == 200
    assert '<feed xml:lang="hu"' in hungarian.text
