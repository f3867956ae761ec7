"""Shared fixtures: two regions with a partner organisation and a policy instrument each, and
one user per role of the access policy (docs/architecture.md, "Access").

- `owner`: editor in `org_a` (region A), `colleague`: viewer in `org_a`,
- `outsider`: editor in `org_b` (region B), `coordinator`: project-wide, no membership,
- `stakeholder`: an account without membership, `superuser`: the site admin.
- `coordinator` and `superuser` have an authenticator app (TOTP), as their roles require.

`login(user)` returns a Django test client signed in as `user` (anonymous for None).
"""

import signal
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from partners.models import Country, Membership
from tests.harness import factories, mfa

pytest_plugins = ["tests.harness.durations"]

# db_worker installs its own Ctrl-C handlers; `run_worker` puts the test process's back.
WORKER_SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]

ROLES = ("anonymous", "stakeholder", "colleague", "owner", "outsider", "coordinator")


@pytest.fixture
def region_a(db):
    return factories.make_region(
        slug="lombardy",
        name="Lombardy",
        country=Country.IT,
        nuts_code="ITC4",
        latitude=Decimal("45.46420"),
        longitude=Decimal("9.19000"),
    )


@pytest.fixture
def region_b(db):
    return factories.make_region(
        slug="klaipeda",
        name="Klaipėda",
        country=Country.LT,
        nuts_code="LT023",
        latitude=Decimal("55.70330"),
        longitude=Decimal("21.14430"),
    )


@pytest.fixture
def org_a(region_a):
    return factories.make_organisation(
        region_a, name="Lombardy Chamber of Commerce", short_name="LCC"
    )


@pytest.fixture
def org_b(region_b):
    return factories.make_organisation(region_b, name="Klaipėda Business Agency", short_name="KBA")


@pytest.fixture
def instrument_a(region_a):
    return factories.make_instrument(
        region_a, name="Lombardy ERDF operational programme 2014-2020", period="2014-2020"
    )


@pytest.fixture
def instrument_b(region_b):
    return factories.make_instrument(
        region_b, name="Klaipėda regional development strategy", period="2021-2030"
    )


@pytest.fixture
def owner(org_a):
    user = factories.make_user("owner@lombardy.example", first_name="Olivia", last_name="Owner")
    factories.make_membership(user, org_a, Membership.Role.EDITOR)
    return user


@pytest.fixture
def colleague(org_a):
    user = factories.make_user("colleague@lombardy.example", first_name="Carlo")
    factories.make_membership(user, org_a, Membership.Role.VIEWER)
    return user


@pytest.fixture
def outsider(org_b):
    user = factories.make_user("outsider@klaipeda.example", first_name="Ona")
    factories.make_membership(user, org_b, Membership.Role.EDITOR)
    return user


@pytest.fixture
def coordinator(db):
    user = factories.make_user("coordinator@interventures.example", is_coordinator=True)
    factories.activate_mfa(user)
    return user


@pytest.fixture
def stakeholder(db):
    return factories.make_user("stakeholder@example.org")


@pytest.fixture
def superuser(db):
    user = factories.make_user("admin@interventures.example", is_staff=True, is_superuser=True)
    factories.activate_mfa(user)
    return user


@pytest.fixture
def anonymous():
    """The role of a visitor who is not signed in: no user at all."""
    return None


@pytest.fixture
def run_worker():
    """`run_worker()` runs every queued task (every queue) with the real `db_worker` command,
    then returns."""
    saved = {number: signal.getsignal(number) for number in WORKER_SIGNALS}

    def _run():
        call_command(
            "db_worker",
            "--batch",
            "--no-startup-delay",
            "--no-reload",
            "--queue-name",
            "*",
            verbosity=0,
        )

    yield _run
    for number, handler in saved.items():
        signal.signal(number, handler)


@pytest.fixture
def login(db):
    """`login(user)` → a test client signed in as `user`; `login(None)` → an anonymous one.
    Coordinators and staff are signed in with their second factor (tests/harness/mfa.py)."""

    def _login(user, *, enforce_csrf_checks: bool = False) -> Client:
        client = Client(enforce_csrf_checks=enforce_csrf_checks)
        if user is not None:
            mfa.force_login(client, user)
        return client

    return _login


@pytest.fixture
def world(
    region_a,
    region_b,
    org_a,
    org_b,
    instrument_a,
    instrument_b,
    owner,
    colleague,
    outsider,
    coordinator,
    stakeholder,
    superuser,
):
    """Every shared fixture object in one namespace: what the URL registry builds URLs from."""
    return SimpleNamespace(**locals())


@pytest.fixture
def user_of_role(world):
    """`user_of_role("owner")` → that role's user (None for "anonymous")."""

    def _user(role: str):
        return None if role == "anonymous" else getattr(world, role)

    return _user


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """A request under /it/ leaves Italian active in the thread: start every test in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
