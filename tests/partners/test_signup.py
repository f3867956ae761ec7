"""Open sign-up: passwords of 12 characters or more, and an answer that does not tell whether
the address already has an account (same page, same work, so the same time)."""

import re

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.urls import reverse

from partners.models import User

PASSWORD = "Border-regions-2026"


def sign_up(client, email, password=PASSWORD, **names):
    return client.post(
        reverse("account_signup"),
        {
            "first_name": "Sara",
            "last_name": "Small",
            "email": email,
            "password1": password,
            "password2": password,
            **names,
        },
        follow=True,
    )


def page_text(response) -> str:
    """The page as a person sees it: without the per-response CSRF token and script nonce."""
    return re.sub(r'(value|nonce)="[\w-]{20,}"', r'\1=""', response.text)


@pytest.fixture
def hashings(monkeypatch):
    """How many times a password was hashed (the test settings' hasher)."""
    calls = []
    encode = MD5PasswordHasher.encode

    def counting_encode(self, password, salt):
        calls.append(password)
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counting_encode)
    return calls


def test_a_password_shorter_than_12_characters_is_refused_with_a_clear_message(client, db):
    page = sign_up(client, "sme@example.org", "Vilnius-026")

    assert page.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in page.text
    assert page.context["form"]["email"].value() == "sme@example.org"
    assert not User.objects.filter(email="sme@example.org").exists()


def test_a_password_of_12_characters_is_accepted(client, db):
    sign_up(client, "sme@example.org", "Vilnius-2026")

    assert User.objects.filter(email="sme@example.org").exists()


def test_signing_up_saves_the_name(client, db):
    sign_up(client, "sme@example.org", first_name="Lucía", last_name="García")

    user = User.objects.get(email="sme@example.org")
    assert user.get_full_name() == "Lucía García"


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("first_name", "Please enter your first name."),
        ("last_name", "Please enter your last name."),
    ],
)
def test_signing_up_without_a_name_is_explained_and_keeps_what_was_typed(
    client, db, missing, message
):
    page = sign_up(client, "sme@example.org", **{missing: ""})

    assert message in page.text
    form = page.context["form"]
    assert form["email"].value() == "sme@example.org"
    other = "last_name" if missing == "first_name" else "first_name"
    assert form[other].value() == {"first_name": "Sara", "last_name": "Small"}[other]
    assert not User.objects.filter(email="sme@example.org").exists()


def test_signing_up_with_an_existing_address_looks_the_same_as_with_a_new_one(
    client, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        new = sign_up(client, "sme@example.org")
        existing = sign_up(client, owner.email)

    assert new.redirect_chain == existing.redirect_chain
    assert page_text(new).replace("sme@example.org", owner.email) == page_text(existing)
    assert User.objects.filter(email=owner.email).count() == 1
    already, confirm = sorted(mail.outbox, key=lambda message: message.to != [owner.email])
    assert already.to == [owner.email]
    assert confirm.to == ["sme@example.org"]


def test_both_sign_up_paths_hash_the_password_the_same_number_of_times(client, owner, hashings):
    sign_up(client, "sme@example.org")
    new_account = len(hashings)
    hashings.clear()

    sign_up(client, owner.email)

    assert new_account == len(hashings) == 1
