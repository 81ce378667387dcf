"""PostgreSQL: ``search_pagedocument``, the narrow table the public search matches (search/page_documents.py).

Filled from the index entries already there, so searches keep their answers without a rebuild.
Nothing to do on SQLite, whose search goes through Wagtail's backend.
"""

import django.db.models.deletion
from django.db import migrations, models

# toast_tuple_target and the body's EXTERNAL storage move the body vector out of the row, so that
# a row is about 200 bytes (the body is read only to rank the best candidates); MAIN keeps the
# title vector and the facet keys in the row, which every match reads. The rows being that small,
# the planner would read them all rather than the GIN index, not knowing that matching a row
# reads its body from the TOAST table (200 times slower on 20,000 pages): the matched expression
# is a function whose declared cost tells it, and which the index holds. (An SQL function would
# be inlined, its cost forgotten.) The two partial indexes of wagtailcore_page serve the visibility
# rule's query of hidden branches (unpublished or expired parents, publications/visibility.py),
# which every search asks: without them it reads the whole page table.
CREATE = """
CREATE TABLE IF NOT EXISTS search_pagedocument (
    page_id integer PRIMARY KEY REFERENCES wagtailcore_page (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    -- The row goes with its index entry, however modelsearch deletes it (stale entries, raw deletes).
    entry_id integer NOT NULL UNIQUE REFERENCES wagtailsearch_indexentry (id) ON DELETE CASCADE,
    content_type_id integer NOT NULL,
    live boolean NOT NULL,
    expire_at timestamp with time zone,
    path varchar(255) NOT NULL,
    depth integer NOT NULL,
    title tsvector NOT NULL,
    title_norm double precision NOT NULL,
    body tsvector NOT NULL,
    year integer,
    format_id integer,
    themes integer[] NOT NULL,
    territories integer[] NOT NULL
) WITH (toast_tuple_target = 128);
ALTER TABLE search_pagedocument ALTER COLUMN body SET STORAGE EXTERNAL,
    ALTER COLUMN title SET STORAGE MAIN, ALTER COLUMN themes SET STORAGE MAIN,
    ALTER COLUMN territories SET STORAGE MAIN;
CREATE OR REPLACE FUNCTION search_pagedocument_vector(title tsvector, body tsvector) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 1000 AS $$ BEGIN RETURN title || body; END $$;
CREATE INDEX IF NOT EXISTS search_pagedocument_match_gin
    ON search_pagedocument USING GIN (search_pagedocument_vector(title, body));
CREATE INDEX IF NOT EXISTS search_page_unpublished_parents ON wagtailcore_page (depth) WHERE NOT live AND numchild > 0;
CREATE INDEX IF NOT EXISTS search_page_expiring_parents ON wagtailcore_page (expire_at) WHERE numchild > 0;
"""
DROP = """
DROP TABLE IF EXISTS search_pagedocument;
DROP FUNCTION IF EXISTS search_pagedocument_vector;
DROP INDEX IF EXISTS search_page_unpublished_parents;
DROP INDEX IF EXISTS search_page_expiring_parents;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from search.page_documents import page_documents_refresh

    schema_editor.execute(CREATE)
    page_documents_refresh()


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_french_text_search"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0001_initial"),
        ("publications", "__latest__"),
        ("newsletters", "__latest__"),
    ]

    # Django knows the model (managed, so that a test database's flush truncates the table with the pages
    # it references); the table itself is the SQL above, on PostgreSQL only.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
            name="PageDocument",
            fields=[
                (
                    "page",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailcore.page",
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="contenttypes.contenttype"
                    ),
                ),
                ("live", models.BooleanField()),
                ("expire_at", models.DateTimeField(null=True)),
                ("path", models.CharField(max_length=255)),
                ("depth", models.PositiveIntegerField()),
            ],
            options={"db_table": "search_pagedocument"},
                ),
            ],
            database_operations=[migrations.RunPython(create, drop, elidable=False)],
        ),
    ]
