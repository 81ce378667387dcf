"""Name Wagtail's root page and root collection in French: the explorer and the library show them.

Wagtail's own migrations create both as « Root »; only those still so named are renamed, so a name
an administrator chose stays.
"""

from django.db import migrations

ENGLISH, FRENCH = "Root", "Racine"


def forwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=ENGLISH).update(
        title=FRENCH, draft_title=FRENCH
    )
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=ENGLISH).update(name=FRENCH)


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=FRENCH).update(
        title=ENGLISH, draft_title=ENGLISH
    )
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=FRENCH).update(name=ENGLISH)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0004_library_permissions")]

    operations = [migrations.RunPython(forwards, backwards)]
