"""Does the sign-up's answer time tell whether an address already has an account?

Signs up through Django's test client with the production password hasher (PBKDF2, the
development settings' default), alternately with a new address and with one that has an
account, each inside a transaction that is rolled back (the development database keeps no
account, rate-limit entry or queued email). Prints the median and range of each path's server
time and their difference; the target is a difference under 10 % of the slower median.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.dev")
os.environ["DEBUG"] = "false"

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from partners.models import User  # noqa: E402

ROUNDS = 10
EXISTING = "bench.existing@example.org"
PASSWORD = "Border-regions-2026"  # noqa: S105 - a sample password, never stored


class RolledBack(Exception):
    pass


def sign_up_seconds(email: str) -> float:
    client = Client()
    try:
        with transaction.atomic():
            if email == EXISTING:
                User.objects.create_user(email=EXISTING, password=PASSWORD)
            data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
            started = time.perf_counter()
            response = client.post(reverse("account_signup"), data)
            elapsed = time.perf_counter() - started
            assert response.status_code == 302, (email, response.status_code)
            assert response["Location"] == reverse("account_email_verification_sent")
            raise RolledBack
    except RolledBack:
        return elapsed


def main() -> None:
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    hasher = settings.PASSWORD_HASHERS[0].rsplit(".", 1)[-1]
    sign_up_seconds("warm.up@example.org")
    timings: dict[str, list[float]] = {"new address": [], "existing address": []}
    for number in range(ROUNDS):
        timings["new address"].append(sign_up_seconds(f"bench.new{number}@example.org"))
        timings["existing address"].append(sign_up_seconds(EXISTING))
    print(f"sign-up, {ROUNDS} rounds each, hasher {hasher}:")
    medians = {}
    for path, values in timings.items():
        medians[path] = statistics.median(values)
        print(
            f"  {path:17} median {medians[path]:.3f} s  "
            f"(min {min(values):.3f} s, max {max(values):.3f} s)"
        )
    difference = abs(medians["new address"] - medians["existing address"])
    share = difference / max(medians.values())
    print(f"  difference of the medians {difference:.3f} s ({share:.0%} of the slower)")


if __name__ == "__main__":
    main()
