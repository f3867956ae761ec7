"""Server time and query count of the good-practice list and search with 100,000 practices.

PostgreSQL only (the full-text search is PostgreSQL's): the script uses DATABASE_URL when it
points at PostgreSQL, otherwise postgres://127.0.0.1:5432, and prints a skip message (exit 0)
when no server answers. It works in its own databases, `interventures_bench` (100,000 published
practices in six languages, filled once and reused on later runs) and `interventures_bench_100`
(100 practices, to show the query counts are the same), never in the development database.

Prints per page: median and 95th-percentile server time over repeated requests through Django's
test client (after a warm-up), and the query count. Targets: p95 ≤ 50 ms, equal query counts.
"""

import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

BIG = 100_000
SMALL = 100
ROUNDS = 60
WARM_UP = 5
BATCH = 5_000
BIG_DB = "interventures_bench"
SMALL_DB = "interventures_bench_100"
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


def database_urls() -> tuple[str, str] | None:
    """The bench databases' URLs on the PostgreSQL server that answers, or None."""
    import psycopg

    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://127.0.0.1:5432/postgres"
    parts = urlsplit(url)
    server = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(server, autocommit=True, connect_timeout=3) as conn:
            for name in (BIG_DB, SMALL_DB):
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
    return tuple(urlunsplit(parts._replace(path=f"/{name}")) for name in (BIG_DB, SMALL_DB))


def text(rng: random.Random, language: str, words: int) -> str:
    vocabulary = WORDS[language]
    sentence = rng.choices(vocabulary, k=words)
    sentence[0] = sentence[0].capitalize()
    return " ".join(sentence) + "."


def fill(count: int) -> None:
    """`count` published practices in six languages, with themes and some transfers."""
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

    if GoodPractice.objects.published().count() >= count:
        return
    started = time.perf_counter()
    print(f"Filling {connection.settings_dict['NAME']} with {count:,} practices …", flush=True)
    rng = random.Random(42)
    with transaction.atomic():
        GoodPractice.objects.all().delete()
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
        themes = [
            Theme.objects.get_or_create(
                name=name, defaults={"slug": name.lower().replace(" ", "-")}
            )[0]
            for name in THEMES
        ]
        languages = [*WORDS]
        instruments = [choice for choice, _label in InstrumentType.choices]
        now = timezone.now()
        through = GoodPractice.themes.through
        for start in range(0, count, BATCH):
            batch = []
            for number in range(start, min(start + BATCH, count)):
                index = number % len(REGIONS)
                language = languages[number % len(languages)]
                title = text(rng, language, rng.randint(3, 7))[:-1]
                if number % 10_000 == 0:
                    title = f"{title} {RARE_WORD}"
                start_year = rng.randint(2008, 2020)
                finished = rng.random() < 0.4
                batch.append(
                    GoodPractice(
                        title=title,
                        slug=f"bench-{number}",
                        region=regions[index],
                        owner=owners[index],
                        main_institution=f"{REGIONS[index][1]} chamber of commerce",
                        location=REGIONS[index][1],
                        summary=text(rng, language, rng.randint(20, 40)),
                        description=text(rng, language, rng.randint(60, 120)),
                        resources_needed=text(rng, language, 15),
                        evidence_of_success=text(rng, language, 25),
                        difficulties=text(rng, language, 20),
                        potential_for_transfer=text(rng, language, 20),
                        instrument_type=instruments[number % len(instruments)],
                        progress=Progress.FINISHED if finished else Progress.ONGOING,
                        start_year=start_year,
                        end_year=start_year + rng.randint(1, 5) if finished else None,
                        language=language,
                        status="published",
                        published_at=now - timedelta(minutes=number),
                    )
                )
            created = GoodPractice.objects.bulk_create(batch)
            through.objects.bulk_create(
                through(goodpractice_id=practice.pk, theme_id=theme.pk)
                for practice in created
                for theme in rng.sample(themes, rng.randint(1, 3))
            )
            Transfer.objects.bulk_create(
                Transfer(
                    practice=practice,
                    region=regions[(regions.index(practice.region) + 1) % len(regions)],
                    stage=TransferStage.STUDY,
                )
                for practice in created[::20]
            )
    with connection.cursor() as cursor:
        # Adding the themes made the database rewrite each practice's row (its search vector
        # holds the theme names): rewrite the table without the dead row versions, as a table
        # filled over time would be.
        cursor.execute("VACUUM FULL practices_goodpractice")
        # And mark its pages all-visible, as autovacuum would, for index-only counts.
        cursor.execute("VACUUM ANALYZE")
    print(f"  filled in {time.perf_counter() - started:.0f} s", flush=True)


def query_count(client, url: str) -> int | None:
    from django.db import connection

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
    urls = database_urls()
    if urls is None:
        return
    big_url, small_url = urls
    os.environ["DATABASE_URL"] = small_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interventures.settings.dev")
    os.environ["DEBUG"] = "false"
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
    for url, size in ((small_url, SMALL), (big_url, BIG)):
        use_database(url)
        call_command("migrate", verbosity=0)
        fill(size)
        for label, page in pages():
            try:
                counts[(label, size)] = query_count(client, page)
            except Exception as error:  # the detail view may not be written yet
                counts[(label, size)] = f"error: {type(error).__name__}"
    print(
        f"\n{'page (PostgreSQL, ' + format(BIG, ',') + ' practices)':<44}{'p50 ms':>8}{'p95 ms':>8}"
        f"{'queries':>9}{'@' + str(SMALL):>6}  ({ROUNDS} requests each)"
    )
    for label, page in pages():
        big, small = counts[(label, BIG)], counts[(label, SMALL)]
        if not isinstance(big, int):
            print(f"{label:<44}{'not measured: ' + str(big) + ' (the view is not ready)':>31}")
            continue
        median, p95 = timings(client, page)
        flag = (
            ""
            if p95 <= 50 and big == small
            else "  <- over target"
            if p95 > 50
            else "  <- counts differ"
        )
        print(f"{label:<44}{median:>8.1f}{p95:>8.1f}{big:>9}{small!s:>6}{flag}")


if __name__ == "__main__":
    main()
