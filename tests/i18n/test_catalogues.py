"""The translators' catalogues (locale/<language>/LC_MESSAGES/django.po) are complete, compiled
and in step with the code. `make messages` brings them up to date after the code changed.

Run alone with `pytest tests/i18n/test_catalogues.py`. Comparing with the code runs Django's
makemessages (gettext's xgettext) on a copy of the sources; without gettext that test is skipped
(and fails on CI).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

from tests.harness.tools import require

LOCALE = Path(settings.LOCALE_PATHS[0])
PROJECT = LOCALE.parent
TRANSLATED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# What makemessages must not read (as `make messages` ignores it), and what it need not copy.
NOT_SOURCES = (".*", "node_modules", "tests", "bench", "staticfiles", "media", "private")

by_language = pytest.mark.parametrize("language", TRANSLATED)


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def catalogue(language: str) -> polib.POFile:
    path = po_path(language)
    assert path.is_file(), f"{path} is missing: run `make messages`"
    return polib.pofile(str(path))


def key(entry) -> tuple[str, str, str]:
    return entry.msgctxt or "", entry.msgid, entry.msgid_plural or ""


def translation_of(entry) -> tuple:
    return entry.msgstr, tuple(sorted(entry.msgstr_plural.items()))


def sample(keys) -> str:
    return "\n    ".join(repr(msgid) for _context, msgid, _plural in sorted(keys)[:10])


@by_language
def test_every_message_is_translated(language):
    untranslated = [key(entry) for entry in catalogue(language).untranslated_entries()]
    assert not untranslated, (
        f"{po_path(language)}: {len(untranslated)} messages are not translated, "
        f"for example:\n    {sample(untranslated)}"
    )


@by_language
def test_no_message_is_fuzzy_or_obsolete(language):
    po = catalogue(language)
    assert not po.metadata_is_fuzzy, f"{po_path(language)}: the header is marked fuzzy"
    fuzzy = [key(entry) for entry in po.fuzzy_entries()]
    assert not fuzzy, (
        f"{po_path(language)}: {len(fuzzy)} fuzzy translations (gettext's guesses) to check "
        f"and unmark:\n    {sample(fuzzy)}"
    )
    obsolete = [key(entry) for entry in po.obsolete_entries()]
    assert not obsolete, (
        f"{po_path(language)}: {len(obsolete)} obsolete messages; `make messages` removes "
        f"them:\n    {sample(obsolete)}"
    )


@by_language
def test_the_compiled_catalogue_matches_its_source(language):
    mo_path = po_path(language).with_suffix(".mo")
    assert mo_path.is_file(), f"{mo_path} is missing: run `make messages`"
    # msgfmt compiles the translated messages that are not fuzzy, and the header.
    expected = {
        key(entry): translation_of(entry) for entry in catalogue(language).translated_entries()
    }
    compiled = {key(entry): translation_of(entry) for entry in polib.mofile(str(mo_path))}
    compiled.pop(("", "", ""), None)
    differing = {k for k in expected.keys() | compiled.keys() if expected.get(k) != compiled.get(k)}
    assert not differing, (
        f"{mo_path} does not match {po_path(language).name} (run `make messages`):"
        f"\n    {sample(differing)}"
    )


@pytest.fixture(scope="module")
def fresh_catalogue(tmp_path_factory) -> tuple[polib.POFile, str]:
    """The catalogue makemessages makes from the code now, and what it printed; from a copy of
    the sources, so that the catalogues themselves are not touched."""
    require(
        all(shutil.which(tool) for tool in ("xgettext", "msguniq", "msgmerge")),
        "gettext is not installed (apt-get install gettext): cannot compare",
    )
    copy = tmp_path_factory.mktemp("sources") / "project"
    shutil.copytree(
        PROJECT,
        copy,
        ignore=shutil.ignore_patterns(*NOT_SOURCES, "locale", "__pycache__", "*.sqlite3*"),
    )
    language = TRANSLATED[0]
    run = subprocess.run(  # noqa: S603 (a fixed command: this Python, this project's manage.py)
        [sys.executable, "manage.py", "makemessages", f"--locale={language}"],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "interventures.settings.dev"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    return polib.pofile(str(copy / "locale" / language / "LC_MESSAGES" / "django.po")), run.stderr


def test_makemessages_warns_about_nothing(fresh_catalogue):
    """xgettext warns e.g. when one msgid is used with and without a plural: reword the
    string or give it a context."""
    _catalogue, printed = fresh_catalogue
    assert "warning" not in printed.lower(), printed


@by_language
def test_the_catalogue_holds_exactly_the_messages_of_the_code(language, fresh_catalogue):
    in_code = {key(entry) for entry in fresh_catalogue[0]}
    committed = {key(entry) for entry in catalogue(language) if not entry.obsolete}
    missing = in_code - committed
    stale = committed - in_code
    assert not missing, (
        f"{po_path(language)} lacks {len(missing)} messages of the code; run `make messages`:"
        f"\n    {sample(missing)}"
    )
    assert not stale, (
        f"{po_path(language)} holds {len(stale)} messages no longer in the code; run "
        f"`make messages`:\n    {sample(stale)}"
    )
