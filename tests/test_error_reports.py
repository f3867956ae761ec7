"""An unexpected error shows the 500 page and reaches the administrators (`ADMINS`, set from the
environment in production) by email with its traceback."""

from django.core import mail

import practices.selectors


def test_an_unexpected_error_is_emailed_to_the_administrators(client, db, settings, monkeypatch):
    settings.ADMINS = ["ops@interventures.example"]

    def broken():
        raise RuntimeError("the practices table answered nonsense")

    monkeypatch.setattr(practices.selectors, "public_practices", broken)
    client.raise_request_exception = False

    response = client.get("/practices/")

    assert response.status_code == 500
    assert "The error was recorded for the technical team." in response.text
    [report] = mail.outbox
    assert report.to == ["ops@interventures.example"]
    assert "RuntimeError at /practices/\nthe practices table answered nonsense" in report.body


def test_without_administrators_nothing_is_emailed(client, db, settings, monkeypatch):
    settings.ADMINS = []
    monkeypatch.setattr(practices.selectors, "public_practices", lambda: 1 / 0)
    client.raise_request_exception = False

    assert client.get("/practices/").status_code == 500
    assert mail.outbox == []
