"""PostgreSQL keeps each practice's search vector itself: a trigger computes it whenever a
practice is written, and when its themes or a theme's name change, whoever writes (a service,
the admin, `bulk_create`, a fixture, the shell). The weights: title A, summary B, description,
evidence of success, potential for transfer and the theme names C, the other texts D; the text
configuration is "simple" (see practices/search.py). On SQLite there is no vector to keep."""

from django.db import migrations

CREATE = """
CREATE FUNCTION practices_search_vector(p practices_goodpractice) RETURNS tsvector
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

CREATE FUNCTION practices_search_vector_on_write() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := practices_search_vector(NEW);
  RETURN NEW;
END $$;
CREATE TRIGGER practices_search_vector_on_write
  BEFORE INSERT OR UPDATE ON practices_goodpractice
  FOR EACH ROW EXECUTE FUNCTION practices_search_vector_on_write();

-- Touching the practice row makes the trigger above compute its vector again.
CREATE FUNCTION practices_search_vector_on_themes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE practices_goodpractice SET search_vector = NULL WHERE id = OLD.goodpractice_id;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    UPDATE practices_goodpractice SET search_vector = NULL WHERE id = NEW.goodpractice_id;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER practices_search_vector_on_themes
  AFTER INSERT OR UPDATE OR DELETE ON practices_goodpractice_themes
  FOR EACH ROW EXECUTE FUNCTION practices_search_vector_on_themes();

CREATE FUNCTION practices_search_vector_on_theme_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE practices_goodpractice SET search_vector = NULL
  WHERE id IN (SELECT goodpractice_id FROM practices_goodpractice_themes WHERE theme_id = NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER practices_search_vector_on_theme_name
  AFTER UPDATE OF name ON practices_theme
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION practices_search_vector_on_theme_name();

UPDATE practices_goodpractice SET search_vector = NULL;
"""

DROP = """
DROP TRIGGER practices_search_vector_on_theme_name ON practices_theme;
DROP FUNCTION practices_search_vector_on_theme_name();
DROP TRIGGER practices_search_vector_on_themes ON practices_goodpractice_themes;
DROP FUNCTION practices_search_vector_on_themes();
DROP TRIGGER practices_search_vector_on_write ON practices_goodpractice;
DROP FUNCTION practices_search_vector_on_write();
DROP FUNCTION practices_search_vector(practices_goodpractice);
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("practices", "0008_sanitized_html_fields")]

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]
