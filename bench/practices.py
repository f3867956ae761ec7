"""Server time and query count of the good-practice list and search with many practices.

    .venv/bin/python bench/practices.py [COUNT] [--runs 3]      (COUNT: 300,000 by default)

PostgreSQL only (the full-text search is PostgreSQL's): the script uses DATABASE_URL when it
points at PostgreSQL, otherwise postgres://127.0.0.1:5432, and prints a skip message (exit 0)
when no server answers. It works in its own databases, `interventures_bench_<COUNT>` (COUNT
published practices in six languages, filled once with COPY and reused on later runs) and
`interventures_bench_100` (100 practices, for the query counts to compare with), never in the
development database.

Prints per page the median and 95th-percentile server time over repeated requests through
Django's test client (after a warm-up), the worst of `--runs` runs, and the query count of a
first request (nothing in the process's memory) at COUNT and at 100 practices. Targets: p95 ≤
50 ms, equal query counts.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BIG = 300_000
SMALL = 100
ROUNDS = 60
WARM_UP = 5
RUNS = 3
DB_PREFIX = "interventures_bench_"
RARE_WORD = "zeppelin"  # in one practice in 10,000
COMMON_WORD = "export"  # in about one English practice in two

WORDS = {
    "en": [
        "export",
        "small",
        "firms",
        "support",
        "network",
        "cluster",
        "market",
        "abroad",
        "training",
        "vouchers",
        "fair",
        "innovation",
        "digital",
        "cooperation",
        "region",
        "partners",
        "growth",
        "business",
        "advice",
        "internal",
        "finance",
        "loan",
        "guarantee",
        "mentoring",
        "buyers",
        "trade",
        "mission",
        "skills",
        "startup",
        "funding",
    ],
    "it": [
        "imprese",
        "internazionalizzazione",
        "sostegno",
        "rete",
        "mercato",
        "estero",
        "formazione",
        "voucher",
        "fiera",
        "innovazione",
        "digitale",
        "cooperazione",
        "regione",
        "crescita",
        "consulenza",
        "finanziamento",
        "prestito",
        "garanzia",
        "esportazione",
        "camera",
        "commercio",
        "distretto",
        "filiera",
        "competenze",
    ],
    "hu": [
        "vállalkozások",
        "nemzetközi",
        "támogatás",
        "hálózat",
        "piac",
        "külföldi",
        "képzés",
        "utalvány",
        "vásár",
        "innováció",
        "digitális",
        "együttműködés",
        "régió",
        "növekedés",
        "tanácsadás",
        "finanszírozás",
        "hitel",
        "garancia",
        "export",
        "kamara",
        "klaszter",
        "készségek",
        "fejlesztés",
    ],
    "pl": [
        "przedsiębiorstwa",
        "umiędzynarodowienie",
        "wsparcie",
        "sieć",
        "rynek",
        "zagraniczny",
        "szkolenie",
        "bon",
        "targi",
        "innowacje",
        "cyfrowy",
        "współpraca",
        "region",
        "wzrost",
        "doradztwo",
        "finansowanie",
        "pożyczka",
        "gwarancja",
        "eksport",
        "izba",
        "klaster",
        "umiejętności",
        "rozwój",
    ],
    "es": [
        "empresas",
        "internacionalización",
        "apoyo",
        "red",
        "mercado",
        "exterior",
        "formación",
        "bono",
        "feria",
        "innovación",
        "digital",
        "cooperación",
        "región",
        "crecimiento",
        "asesoramiento",
        "financiación",
        "préstamo",
        "garantía",
        "exportación",
        "cámara",
        "clúster",
        "competencias",
        "desarrollo",
    ],
    "lt": [
        "įmonės",
        "tarptautiškumas",
        "parama",
        "tinklas",
        "rinka",
        "užsienio",
        "mokymai",
        "čekis",
        "mugė",
        "inovacijos",
        "skaitmeninis",
        "bendradarbiavimas",
        "regionas",
        "augimas",
        "konsultacijos",
        "finansavimas",
        "paskola",
        "garantija",
        "eksportas",
        "rūmai",
        "klasteris",
        "įgūdžiai",
        "plėtra",
    ],
}
REGIONS = [
    ("bench-lombardy", "Lombardy", "IT", "it"),
    ("bench-klaipeda", "Klaipėda", "LT", "lt"),
    ("bench-malopolska", "Małopolska", "PL", "pl"),
    ("bench-gyor", "Győr-Moson-Sopron", "HU", "hu"),
    ("bench-murcia", "Murcia", "ES", "es"),
]
THEMES = [
    "Export promotion",
    "Access to finance",
    "Skills",
    "Clusters",
    "Digital markets",
    "Trade fairs",
    "Innovation",
    "Networks",
]


def database_urls(sizes: list[int]) -> list[str] | None:
    """The bench databases' URLs, one per size, on the PostgreSQL server that answers; None
    when none answers."""
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://127.0.0.1:5432/postgres"
    parts = urlsplit(url)
    server = urlunsplit(parts._replace(path="/postgres"))
    names = [f"{DB_PREFIX}{size}" for size in sizes]
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=3) as conn:
            for name in names:
                if not conn.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone():
                    conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else error
        print(
            f"SKIP bench/practices.py: no PostgreSQL at {parts.hostname}:{parts.port} "
            f"({first_line})"
        )
        return None
    return [urlunsplit(parts._replace(path=f"/{name}")) for name in names]


def text(rng: random.Random, language: str, words: int) -> str:
    vocabulary = WORDS[language]
    sentence = rng.choices(vocabulary, k=words)
    sentence[0] = sentence[0].capitalize()
    return " ".join(sentence) + "."


def copy_rows(cursor, model, rows, *, with_ids: bool = False) -> None:
    """COPY `rows` (dicts by column; a missing column takes its field's default, the id the
    database's unless `with_ids`) into the model's table."""
    fields = [
        field
        for field in model._meta.concrete_fields
        if field.column != "search_vector" and (with_ids or not field.primary_key)
    ]
    columns = ", ".join(f'"{field.column}"' for field in fields)
    defaults = {field.column: field.get_default() for field in fields}
    with cursor.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row.get(field.column, defaults[field.column]) for field in fields])


def fill(count: int) -> None:
    """`count` published practices in six languages, with themes and some transfers.

    COPY in one transaction, the practices' themes first (foreign keys are checked at commit):
    the trigger of migration 0009 then computes each practice's search vector, theme names
    included, as its row arrives, and no row is written twice.
    """
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.utils import timezone

    from partners.models import PartnerOrganisation, Region
    from practices.models import (
        GoodPractice,
        InstrumentType,
        Progress,
        Theme,
        Transfer,
        TransferStage,
    )

    if GoodPractice.objects.published().count() == count:
        return
    started = time.perf_counter()
    print(f"Filling {connection.settings_dict['NAME']} with {count:,} practices …", flush=True)
    rng = random.Random(42)
    languages = [*WORDS]
    instruments = [choice for choice, _label in InstrumentType.choices]
    now = timezone.now()

    def practice(number: int) -> dict:
        index = number % len(REGIONS)
        language = languages[number % len(languages)]
        title = text(rng, language, rng.randint(3, 7))[:-1]
        if number % 10_000 == 1:
            title = f"{title} {RARE_WORD}"
        start_year = rng.randint(2008, 2020)
        finished = rng.random() < 0.4
        return {
            "id": number,
            "title": title,
            "slug": f"bench-{number}",
            "region_id": regions[index].pk,
            "owner_id": owners[index].pk,
            "main_institution": f"{REGIONS[index][1]} chamber of commerce",
            "location": REGIONS[index][1],
            "summary": text(rng, language, rng.randint(20, 40)),
            "description": text(rng, language, rng.randint(60, 120)),
            "resources_needed": text(rng, language, 15),
            "evidence_of_success": text(rng, language, 25),
            "difficulties": text(rng, language, 20),
            "potential_for_transfer": text(rng, language, 20),
            "instrument_type": instruments[number % len(instruments)],
            "progress": Progress.FINISHED if finished else Progress.ONGOING,
            "start_year": start_year,
            "end_year": start_year + rng.randint(1, 5) if finished else None,
            "language": language,
            "status": "published",
            "created_at": now,
            "updated_at": now,
            "published_at": now - timedelta(minutes=number),
        }

    with transaction.atomic(), connection.cursor() as django_cursor:
        django_cursor.execute("TRUNCATE practices_goodpractice CASCADE")
        regions, owners = [], []
        for slug, name, country, _language in REGIONS:
            region, _ = Region.objects.get_or_create(
                slug=slug, defaults={"name": name, "country": country}
            )
            owner, _ = PartnerOrganisation.objects.get_or_create(
                region=region,
                short_name=slug[6:12].upper(),
                defaults={"name": f"{name} development agency", "country": country},
            )
            regions.append(region)
            owners.append(owner)
        theme_ids = [
            Theme.objects.get_or_create(
                name=name, defaults={"slug": name.lower().replace(" ", "-")}
            )[0].pk
            for name in THEMES
        ]
        numbers = range(1, count + 1)
        cursor = django_cursor.cursor  # psycopg's own, which has COPY
        copy_rows(
            cursor,
            GoodPractice.themes.through,
            (
                {"goodpractice_id": number, "theme_id": theme_id}
                for number in numbers
                for theme_id in rng.sample(theme_ids, rng.randint(1, 3))
            ),
        )
        copy_rows(cursor, GoodPractice, (practice(number) for number in numbers), with_ids=True)
        copy_rows(
            cursor,
            Transfer,
            (
                {
                    "practice_id": number,
                    "region_id": regions[(number + 1) % len(REGIONS)].pk,
                    "stage": TransferStage.STUDY,
                }
                for number in numbers[::20]
            ),
        )
        # The practices' ids were given: their sequence continues after them.
        for statement in connection.ops.sequence_reset_sql(no_style(), [GoodPractice]):
            django_cursor.execute(statement)
    print(f"  copied in {time.perf_counter() - started:.0f} s", flush=True)
    with connection.cursor() as cursor:
        # Mark the pages all-visible, as autovacuum would, for index-only scans; statistics.
        cursor.execute("VACUUM ANALYZE")
    print(f"  filled in {time.perf_counter() - started:.0f} s", flush=True)


def query_count(client, url: str) -> int | None:
    """The queries of a first request: with nothing in the process's memory."""
    from django.core.cache import caches
    from django.db import connection

    caches["local"].clear()
    queries = []
    # A wrapper, not the query log: the log is reset when a request closes the connection.
    with connection.execute_wrapper(
        lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)
    ):
        response = client.get(url)
    return len(queries) if response.status_code == 200 else None


def timings(client, url: str) -> tuple[float, float]:
    for _ in range(WARM_UP):
        client.get(url)
    samples = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def pages() -> list[tuple[str, str]]:
    from practices.models import GoodPractice, Theme

    region = GoodPractice.objects.published().select_related("region").first().region
    detail = GoodPractice.objects.published().order_by("-published_at").first()
    theme = Theme.objects.filter(practices__in=[detail]).first()
    return [
        ("list, no filter", "/practices/"),
        (f"search, common word ({COMMON_WORD})", f"/practices/?q={COMMON_WORD}"),
        (f"search, rare word ({RARE_WORD})", f"/practices/?q={RARE_WORD}"),
        (
            "search + 2 filters",
            f"/practices/?q={COMMON_WORD}&region={region.slug}&progress=finished",
        ),
        ("list, page 50 by title", "/practices/?sort=title&page=50"),
        (f"search ({COMMON_WORD}), page 40", f"/practices/?q={COMMON_WORD}&page=40"),
        ("filters only (theme + region)", f"/practices/?theme={theme.slug}&region={region.slug}"),
        ("detail page", detail.get_absolute_url()),
    ]


def use_database(url: str) -> None:
    import dj_database_url
    from django.db import connections

    connection = connections["default"]
    connection.close()
    connection.settings_dict.update(
        NAME=dj_database_url.parse(url)["NAME"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=BIG, help="practices to fill")
    parser.add_argument("--runs", type=int, default=RUNS, help="runs; the worst is kept")
    options = parser.parse_args()
    big = options.count
    urls = database_urls([SMALL, big])
    if urls is None:
        return
    small_url, big_url = urls
    os.environ["DATABASE_URL"] = small_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.dev")
    os.environ["DEBUG"] = "false"
    # The render is measured, not the page cache's copy of it (bench/throughput.py measures that).
    os.environ["PUBLIC_PAGE_CACHE"] = "false"
    # The process keeps what it read for PUBLIC_PAGE_LOCAL_SECONDS, as in production (default
    # 1 s): the content versions, and what pages build from them (interventures.public_pages).
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    # Not setup_test_environment(): its template instrumentation copies the context at every
    # template rendered (a dozen milliseconds on the list page), which production never does.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    client = Client()
    counts = {}
    for url, size in ((small_url, SMALL), (big_url, big)):
        use_database(url)
        call_command("migrate", verbosity=0)
        fill(size)
        for label, page in pages():
            try:
                counts[(label, size)] = query_count(client, page)
            except Exception as error:  # the detail view may not be written yet
                counts[(label, size)] = f"error: {type(error).__name__}"
    worst: dict[str, tuple[float, float]] = {}
    for _run in range(options.runs):
        for label, page in pages():
            if isinstance(counts[(label, big)], int):
                median, p95 = timings(client, page)
                old = worst.get(label, (0.0, 0.0))
                worst[label] = (max(old[0], median), max(old[1], p95))
    print(
        f"\n{'page (PostgreSQL, ' + format(big, ',') + ' practices)':<44}{'p50 ms':>8}"
        f"{'p95 ms':>8}{'queries':>9}{'@' + str(SMALL):>6}  (worst of {options.runs} runs "
        f"of {ROUNDS} requests)"
    )
    for label, _page in pages():
        count, small = counts[(label, big)], counts[(label, SMALL)]
        if not isinstance(count, int):
            print(f"{label:<44}{'not measured: ' + str(count) + ' (the view is not ready)':>31}")
            continue
        median, p95 = worst[label]
        flag = (
            ""
            if p95 <= 50 and count == small
            else "  <- over target"
            if p95 > 50
            else "  <- counts differ"
        )
        print(f"{label:<44}{median:>8.1f}{p95:>8.1f}{count:>9}{small!s:>6}{flag}")


if __name__ == "__main__":
    main()
