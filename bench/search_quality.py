"""Search quality over the demo practices: recall@10 and MRR of labelled queries, both databases.

    .venv/bin/python bench/search_quality.py            (SQLite, then PostgreSQL if one answers)
    .venv/bin/python bench/search_quality.py --one      (only the database of DATABASE_URL)

Each run works in a database of its own, made afresh: a temporary SQLite file, or
`interventures_bench_search` on the PostgreSQL server of DATABASE_URL (127.0.0.1:5432 by
default); it migrates it and seeds the demo data (`manage.py seed_demo`: 15 practices written
in English, names of places and organisations in the regions' languages).

The queries are what a reader of each of the six languages might type, each with the practices
that answer it, labelled by reading demo/practices.py (themes and their translated names, texts,
owners, regions). Some cannot be found by words alone and stay in the set on purpose: Italian
"finanziamenti" (the theme says "credito"), "trade fairs" (the practice says "international
fairs"), and inflected forms where a database has no stemmer for the language: Polish
"finansowanie" for "finansowania" on PostgreSQL (SQLite's English Porter happens to cut it),
Lithuanian "Klaipėdos" and "eksportas" on SQLite (PostgreSQL's Lithuanian stemmer joins them).
Each query runs in its reader's language (`translation.override`), ranked as the list's
"Relevance" sort. Target: recall@10 ≥ 0.9 on both databases, within 0.05 of each other.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DB_NAME = "interventures_bench_search"
TOP = 10
TARGET_RECALL = 0.9
TARGET_GAP = 0.05

# The demo practices (demo/practices.py), by region.
WOMEN = "promoting-women-entrepreneurship"
PREPAREDNESS = "sme-preparedness-test-cross-border-support"
MEETINGS = "hungary-croatia-business-partner-meetings"
CHAMBERS = "chamber-system-internationalisation-services"
VOUCHERS = "lombardy-vouchers-international-fairs"
DIGITAL = "lombardy-digital-export-training"
YOUNG = "young-people-working-on-their-own"
CARPATHIAN = "carpathian-euroregion-business-cooperation"
LOANS = "podkarpackie-loans-for-smes"
TECHNICIANS = "network-business-entrepreneurship-technicians"
RURAL_TRAINING = "burgos-training-rural-smes-internationalisation"
RURAL_FINANCE = "burgos-financial-instruments-rural-smes"
KLAIPEDA_SUPPORT = "financial-support-for-smes-klaipeda"
ACCELERATOR = "klaipeda-pre-accelerator"
CRITERIA = "klaipeda-internationalisation-criteria"

PECS = [WOMEN, PREPAREDNESS, MEETINGS]
LOMBARDY = [CHAMBERS, VOUCHERS, DIGITAL]
PODKARPACKIE = [YOUNG, CARPATHIAN, LOANS]
BURGOS = [TECHNICIANS, RURAL_TRAINING, RURAL_FINANCE]
KLAIPEDA = [KLAIPEDA_SUPPORT, ACCELERATOR, CRITERIA]
# The themes' practices.
FINANCE = [WOMEN, PREPAREDNESS, VOUCHERS, LOANS, RURAL_FINANCE, KLAIPEDA_SUPPORT]
EXPORT = [MEETINGS, CHAMBERS, VOUCHERS, DIGITAL, LOANS, RURAL_TRAINING, ACCELERATOR, CRITERIA]
TRAINING = [WOMEN, DIGITAL, YOUNG, RURAL_TRAINING, ACCELERATOR]
ADVISORY = [PREPAREDNESS, CHAMBERS, TECHNICIANS]
CROSS_BORDER = [PREPAREDNESS, MEETINGS, CARPATHIAN]
CLUSTERS = [CARPATHIAN, CRITERIA]
YOUTH = [YOUNG, ACCELERATOR]

# (reader's language, query, the practices that answer it)
QUERIES = [
    ("en", "finance", FINANCE),
    ("en", "export", EXPORT),
    ("en", "exports", EXPORT),
    ("en", "exporting", EXPORT),
    ("en", "women entrepreneurs", [WOMEN]),
    ("en", "loans", [LOANS]),
    ("en", "trade fairs", [VOUCHERS]),
    ("en", "youth entrepreneurship", YOUTH),
    ("en", "rural", BURGOS),
    ("en", "cross-border cooperation", CROSS_BORDER),
    ("en", "digital marketing", [DIGITAL]),
    ("en", "start-ups", [ACCELERATOR]),
    ("en", "chambers of commerce", [CHAMBERS]),
    ("en", "skills training", TRAINING),
    ("en", "clusters", CLUSTERS),
    ("en", "preparedness test", [PREPAREDNESS]),
    ("en", "economic strategy", [KLAIPEDA_SUPPORT, CRITERIA]),
    ("en", "vouchers", [VOUCHERS]),
    ("en", "matchmaking", [MEETINGS]),
    ("en", "accelerator", [ACCELERATOR]),
    ("en", "business advisory networks", ADVISORY),
    ("en", "digitalisation", [DIGITAL]),
    ("en", "internationalisation of rural SMEs", [RURAL_TRAINING, RURAL_FINANCE]),
    ("it", "Lombardia", LOMBARDY),
    ("it", "Unioncamere", LOMBARDY),
    ("it", "voucher", [VOUCHERS]),
    ("it", "cluster", CLUSTERS),
    ("it", "e-commerce", [DIGITAL]),
    ("it", "finanziamenti", FINANCE),
    ("it", "credito", FINANCE),
    ("it", "imprenditoria femminile", [WOMEN]),
    ("it", "formazione", TRAINING),
    ("es", "Burgos", BURGOS),
    ("es", "Castilla y León", BURGOS),
    ("es", "Castilla y Leon", BURGOS),
    ("es", "desarrollo provincia", [TECHNICIANS, RURAL_TRAINING]),
    ("es", "clúster", CLUSTERS),
    ("es", "financiación", FINANCE),
    ("es", "exportaciones", EXPORT),
    ("es", "emprendimiento juvenil", YOUTH),
    ("es", "pymes rurales", BURGOS),
    ("pl", "Podkarpackie", PODKARPACKIE),
    ("pl", "Rzeszów", [YOUNG, LOANS]),
    ("pl", "Rzeszow", [YOUNG, LOANS]),
    ("pl", "Euroregion", [CARPATHIAN]),
    ("pl", "eksport", EXPORT),
    ("pl", "klastry", CLUSTERS),
    ("pl", "szkolenia", TRAINING),
    ("pl", "finansowanie", FINANCE),
    ("hu", "Pécs", PECS),
    ("hu", "Pecs", PECS),
    ("hu", "Osijek", [MEETINGS]),
    ("hu", "Pannon", PECS),
    ("hu", "export", EXPORT),
    ("hu", "klaszter", CLUSTERS),
    ("hu", "finanszírozás", FINANCE),
    ("hu", "képzés", TRAINING),
    ("lt", "Klaipėda", KLAIPEDA),
    ("lt", "Klaipeda", KLAIPEDA),
    ("lt", "Klaipėda ID", [ACCELERATOR, CRITERIA]),
    ("lt", "Klaipėdos", KLAIPEDA),
    ("lt", "verslumas", [WOMEN, *YOUTH]),
    ("lt", "mokymas", TRAINING),
    ("lt", "eksportas", EXPORT),
]


def measure() -> dict:
    """Seed a fresh database (DATABASE_URL) with the demo data and run every query."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.utils import translation

    from practices import search, selectors

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    results = []
    for language, q, expected in QUERIES:
        with translation.override(language):
            ranked = search.search(selectors.public_practices(), q).order_by(
                "-rank", "-published_at", "pk"
            )
            slugs = list(ranked.values_list("slug", flat=True)[:TOP])
        hits = [slug for slug in expected if slug in slugs]
        first = next((i for i, slug in enumerate(slugs, 1) if slug in expected), None)
        results.append(
            {
                "language": language,
                "q": q,
                "recall": len(hits) / len(expected),
                "reciprocal_rank": 1 / first if first else 0.0,
                "found": len(slugs),
            }
        )
    return {"vendor": connection.vendor, "results": results}


def postgresql_url() -> str | None:
    """The bench database on the PostgreSQL server of DATABASE_URL, made afresh; None when no
    server answers."""
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://interventures:interventures@127.0.0.1:5432/interventures"
    parts = urlsplit(url)
    try:
        with psycopg.connect(
            urlunsplit(parts._replace(path="/postgres")), autocommit=True, connect_timeout=3
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}"')
            conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    except psycopg.Error as error:
        print(f"SKIP PostgreSQL: {str(error).strip().splitlines()[0]}")
        return None
    return urlunsplit(parts._replace(path=f"/{DB_NAME}"))


def run(url: str) -> dict:
    environment = {**os.environ, "DATABASE_URL": url}
    done = subprocess.run(  # noqa: S603 (this Python, this script)
        [sys.executable, __file__, "--one"],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def summary(results: list[dict]) -> tuple[float, float]:
    count = len(results)
    return (
        sum(r["recall"] for r in results) / count,
        sum(r["reciprocal_rank"] for r in results) / count,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", action="store_true", help="only DATABASE_URL's database")
    if parser.parse_args().one:
        print(json.dumps(measure()))
        return
    runs = []
    with tempfile.TemporaryDirectory() as directory:
        runs.append(run(f"sqlite:///{directory}/search_quality.sqlite3"))
    url = postgresql_url()
    if url:
        runs.append(run(url))
    names = [r["vendor"] for r in runs]
    print(f"{len(QUERIES)} queries, recall@{TOP} and reciprocal rank per database\n")
    print(f"{'lang':4}  {'query':36}" + "".join(f"  {name:>17}" for name in names))
    for index, (language, q, _expected) in enumerate(QUERIES):
        rows = [r["results"][index] for r in runs]
        cells = "".join(f"  {row['recall']:>8.2f} {row['reciprocal_rank']:>8.2f}" for row in rows)
        print(f"{language:4}  {q:36}{cells}")
    figures = {r["vendor"]: summary(r["results"]) for r in runs}
    print()
    for name, (recall, mrr) in figures.items():
        verdict = "meets" if recall >= TARGET_RECALL else "BELOW"
        print(f"{name:10} recall@{TOP} {recall:.3f}  MRR {mrr:.3f}  ({verdict} {TARGET_RECALL})")
    if len(figures) == 2:
        gap = abs(figures["sqlite"][0] - figures["postgresql"][0])
        verdict = "within" if gap <= TARGET_GAP else "OVER"
        print(f"recall gap {gap:.3f} ({verdict} {TARGET_GAP})")


if __name__ == "__main__":
    main()
