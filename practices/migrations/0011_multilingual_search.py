"""Search in the partnership's languages; the database keeps the index itself, whoever writes.

PostgreSQL: each text goes into the vector twice, stemmed with the configuration of the
practice's own language (english, italian, hungarian, spanish, lithuanian; Polish has none and
is only `simple`) and as written without accents (`simple` over `unaccent`), so a query parsed
in the reader's language or in `simple` meets it (practices/search.py). The theme names in every
language and the names of the region and of the owner organisation join the vector (weight C);
a change of any of them refreshes the practices concerned. The names are read from every
`name`/`name_<lang>` column through `to_jsonb`, so columns added later by modeltranslation are
included without another migration.

SQLite: an FTS5 table `practices_search` (rowid = practice id; columns title, summary, body,
names), stemmed by Porter with diacritics removed, kept by triggers on the same writes. Its
names column lists the `name`/`name_<lang>` columns present when this migration runs.

`unaccent` and `pg_trgm` (the "did you mean" similarity) are trusted extensions: the database's
owner may create them without being a superuser. When the role cannot, the migration stops
with what to ask of the database's administrator.
"""

from django.db import migrations
from django.db.utils import ProgrammingError

EXTENSIONS = ("unaccent", "pg_trgm")

PG_CREATE = r"""
CREATE FUNCTION practices_search_config(language text) RETURNS regconfig
LANGUAGE sql IMMUTABLE AS $$
  SELECT (CASE language
    WHEN 'en' THEN 'english' WHEN 'it' THEN 'italian' WHEN 'hu' THEN 'hungarian'
    WHEN 'es' THEN 'spanish' WHEN 'lt' THEN 'lithuanian' ELSE 'simple' END)::regconfig
$$;

-- Stemmed in the practice's language (accents kept: the stemmers need them) and, as written,
-- without accents; between the two a lexeme no query can hold ('_'), so that the last word of
-- one and the first of the other never make a phrase.
CREATE FUNCTION practices_search_part(config regconfig, body text, weight "char")
RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector(config, coalesce(body, '')) || '_:1'::tsvector
                   || to_tsvector('simple', unaccent(coalesce(body, ''))), weight)
$$;

-- Every name and name_<lang> column of a row, one text.
CREATE FUNCTION practices_search_names(row_ jsonb) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(string_agg(value, ' '), '') FROM jsonb_each_text(row_)
  WHERE key = 'name' OR key LIKE 'name\_%'
$$;

CREATE OR REPLACE FUNCTION practices_search_vector(p practices_goodpractice) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT practices_search_part(c, p.title, 'A')
      || practices_search_part(c, p.summary, 'B')
      || practices_search_part(c, p.description, 'C')
      || practices_search_part(c, p.evidence_of_success, 'C')
      || practices_search_part(c, p.potential_for_transfer, 'C')
      || practices_search_part(c, (
           SELECT string_agg(practices_search_names(to_jsonb(t)), ' ')
           FROM practices_theme t
           JOIN practices_goodpractice_themes pt ON pt.theme_id = t.id
           WHERE pt.goodpractice_id = p.id), 'C')
      || practices_search_part(c, (
           SELECT practices_search_names(to_jsonb(r)) FROM partners_region r
           WHERE r.id = p.region_id), 'C')
      || practices_search_part(c, (
           SELECT practices_search_names(to_jsonb(o)) FROM partners_partnerorganisation o
           WHERE o.id = p.owner_id), 'C')
      || practices_search_part(c, p.resources_needed, 'D')
      || practices_search_part(c, p.difficulties, 'D')
      || practices_search_part(c, p.main_institution, 'D')
      || practices_search_part(c, p.location, 'D')
  FROM practices_search_config(p.language) c
$$;

-- A theme's names in any language (not only `name`) refresh its practices.
DROP TRIGGER practices_search_vector_on_theme_name ON practices_theme;
CREATE TRIGGER practices_search_vector_on_theme_name
  AFTER UPDATE ON practices_theme
  FOR EACH ROW WHEN (to_jsonb(OLD) IS DISTINCT FROM to_jsonb(NEW))
  EXECUTE FUNCTION practices_search_vector_on_theme_name();

CREATE FUNCTION practices_search_vector_on_region() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE practices_goodpractice SET search_vector = NULL WHERE region_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER practices_search_vector_on_region
  AFTER UPDATE ON partners_region
  FOR EACH ROW WHEN (practices_search_names(to_jsonb(OLD))
                     IS DISTINCT FROM practices_search_names(to_jsonb(NEW)))
  EXECUTE FUNCTION practices_search_vector_on_region();

CREATE FUNCTION practices_search_vector_on_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE practices_goodpractice SET search_vector = NULL WHERE owner_id = NEW.id;
  RETURN NULL;
END $$;
CREATE TRIGGER practices_search_vector_on_owner
  AFTER UPDATE ON partners_partnerorganisation
  FOR EACH ROW WHEN (practices_search_names(to_jsonb(OLD))
                     IS DISTINCT FROM practices_search_names(to_jsonb(NEW)))
  EXECUTE FUNCTION practices_search_vector_on_owner();

UPDATE practices_goodpractice SET search_vector = NULL;
"""

PG_DROP = """
DROP TRIGGER practices_search_vector_on_owner ON partners_partnerorganisation;
DROP FUNCTION practices_search_vector_on_owner();
DROP TRIGGER practices_search_vector_on_region ON partners_region;
DROP FUNCTION practices_search_vector_on_region();
DROP TRIGGER practices_search_vector_on_theme_name ON practices_theme;
CREATE TRIGGER practices_search_vector_on_theme_name
  AFTER UPDATE OF name ON practices_theme
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION practices_search_vector_on_theme_name();
CREATE OR REPLACE FUNCTION practices_search_vector(p practices_goodpractice) RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('simple', coalesce(p.title, '')), 'A')
      || setweight(to_tsvector('simple', coalesce(p.summary, '')), 'B')
      || setweight(to_tsvector('simple', coalesce(p.description, '')), 'C')
      || setweight(to_tsvector('simple', coalesce(p.evidence_of_success, '')), 'C')
      || setweight(to_tsvector('simple', coalesce(p.potential_for_transfer, '')), 'C')
      || setweight(to_tsvector('simple', coalesce((
           SELECT string_agg(t.name, ' ')
           FROM practices_theme t
           JOIN practices_goodpractice_themes pt ON pt.theme_id = t.id
           WHERE pt.goodpractice_id = p.id), '')), 'C')
      || setweight(to_tsvector('simple', coalesce(p.resources_needed, '')), 'D')
      || setweight(to_tsvector('simple', coalesce(p.difficulties, '')), 'D')
      || setweight(to_tsvector('simple', coalesce(p.main_institution, '')), 'D')
      || setweight(to_tsvector('simple', coalesce(p.location, '')), 'D')
$$;
DROP FUNCTION practices_search_names(jsonb);
DROP FUNCTION practices_search_part(regconfig, text, "char");
DROP FUNCTION practices_search_config(text);
UPDATE practices_goodpractice SET search_vector = NULL;
"""

# The FTS5 row of the practices chosen by {where} (a condition on `p`), made again.
SQLITE_REFRESH = """
DELETE FROM practices_search WHERE rowid IN (SELECT p.id FROM practices_goodpractice p
  WHERE {where});
INSERT INTO practices_search (rowid, title, summary, body, names)
SELECT p.id, p.title, p.summary,
  coalesce(p.description, '') || ' ' || coalesce(p.evidence_of_success, '') || ' '
  || coalesce(p.potential_for_transfer, '') || ' ' || coalesce(p.resources_needed, '') || ' '
  || coalesce(p.difficulties, '') || ' ' || coalesce(p.main_institution, '') || ' '
  || coalesce(p.location, ''),
  coalesce((SELECT group_concat({theme_names}, ' ') FROM practices_theme t
            JOIN practices_goodpractice_themes pt ON pt.theme_id = t.id
            WHERE pt.goodpractice_id = p.id), '') || ' '
  || coalesce((SELECT {region_names} FROM partners_region r WHERE r.id = p.region_id), '') || ' '
  || coalesce((SELECT {owner_names} FROM partners_partnerorganisation o
               WHERE o.id = p.owner_id), '')
FROM practices_goodpractice p WHERE {where};
"""

SQLITE_TRIGGERS = {
    # name: (event, condition on p)
    "practices_search_on_insert": ("AFTER INSERT ON practices_goodpractice", "p.id = NEW.id"),
    "practices_search_on_update": ("AFTER UPDATE ON practices_goodpractice", "p.id = NEW.id"),
    "practices_search_on_theme_added": (
        "AFTER INSERT ON practices_goodpractice_themes",
        "p.id = NEW.goodpractice_id",
    ),
    "practices_search_on_theme_removed": (
        "AFTER DELETE ON practices_goodpractice_themes",
        "p.id = OLD.goodpractice_id",
    ),
    "practices_search_on_theme_renamed": (
        "AFTER UPDATE ON practices_theme",
        "p.id IN (SELECT goodpractice_id FROM practices_goodpractice_themes"
        " WHERE theme_id = NEW.id)",
    ),
    "practices_search_on_region_renamed": (
        "AFTER UPDATE ON partners_region",
        "p.region_id = NEW.id",
    ),
    "practices_search_on_owner_renamed": (
        "AFTER UPDATE ON partners_partnerorganisation",
        "p.owner_id = NEW.id",
    ),
}


def _names(schema_editor, table: str, alias: str) -> str:
    """Every name and name_<lang> column of `table`, joined by spaces (SQLite)."""
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        columns = [
            column.name
            for column in connection.introspection.get_table_description(cursor, table)
            if column.name == "name" or column.name.startswith("name_")
        ]
    return " || ' ' || ".join(f"coalesce({alias}.{column}, '')" for column in columns)


def _sqlite_create(schema_editor):
    refresh = SQLITE_REFRESH.replace(
        "{theme_names}", _names(schema_editor, "practices_theme", "t")
    ).replace("{region_names}", _names(schema_editor, "partners_region", "r"))
    refresh = refresh.replace(
        "{owner_names}", _names(schema_editor, "partners_partnerorganisation", "o")
    )
    schema_editor.execute(
        "CREATE VIRTUAL TABLE practices_search USING fts5("
        "title, summary, body, names, "
        "tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    for name, (event, where) in SQLITE_TRIGGERS.items():
        schema_editor.execute(
            f"CREATE TRIGGER {name} {event} BEGIN {refresh.replace('{where}', where)} END"
        )
    schema_editor.execute(
        "CREATE TRIGGER practices_search_on_delete AFTER DELETE ON practices_goodpractice "
        "BEGIN DELETE FROM practices_search WHERE rowid = OLD.id; END"
    )
    for statement in refresh.replace("{where}", "1").split(";"):
        if statement.strip():
            schema_editor.execute(statement)


def _sqlite_drop(schema_editor):
    for name in [*SQLITE_TRIGGERS, "practices_search_on_delete"]:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name}")
    schema_editor.execute("DROP TABLE IF EXISTS practices_search")


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _sqlite_create(schema_editor)
    elif vendor == "postgresql":
        for extension in EXTENSIONS:
            try:
                schema_editor.execute(f"CREATE EXTENSION IF NOT EXISTS {extension}")
            except ProgrammingError as error:
                raise RuntimeError(
                    f"The search needs the PostgreSQL extension {extension!r}, and this role "
                    f"may not create it ({error}). Ask the database's administrator to run "
                    f"CREATE EXTENSION {extension}; in this database (or to make this role its "
                    "owner), then migrate again."
                ) from error
        schema_editor.execute(PG_CREATE, None)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _sqlite_drop(schema_editor)
    elif vendor == "postgresql":
        schema_editor.execute(PG_DROP, None)


class Migration(migrations.Migration):
    dependencies = [
        ("practices", "0010_translated_theme_names"),
        ("partners", "0004_translated_names"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
