"""PostgreSQL: the ``french_unaccent`` text search configuration the database backend uses,
and an index on the expression Wagtail's database backend matches queries against.

Nothing to do on SQLite (FTS5 folds accents itself). ``unaccent`` ships with PostgreSQL;
creating it needs a superuser, or the database owner since PostgreSQL 13 (trusted extension).
"""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'french_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION french_unaccent (COPY = french);
        ALTER TEXT SEARCH CONFIGURATION french_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
    END IF;
END
$$;
"""
# modelsearch matches ``title || body`` (PostgresSearchQueryCompiler.search): without an
# index on that very expression every query reads the whole index table.
CREATE_INDEX = """
CREATE INDEX IF NOT EXISTS search_indexentry_title_body_gin
    ON wagtailsearch_indexentry USING GIN ((title || body));
"""
DROP = """
DROP INDEX IF EXISTS search_indexentry_title_body_gin;
DROP TEXT SEARCH CONFIGURATION IF EXISTS french_unaccent;
"""


def _on_postgresql(sql: str):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(_on_postgresql(CREATE + CREATE_INDEX), _on_postgresql(DROP), elidable=False)]
