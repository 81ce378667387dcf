"""Give the roles the permissions of the registrations app (settings per action, registrations)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from editorial.sync import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0005_french_root_names"), ("registrations", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
