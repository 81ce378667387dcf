"""Give the roles the permissions on subscribers (Administration only)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from editorial.sync import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_roles_and_workflows"),
        ("subscribers", "0002_erased_address"),
        ("sending", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
