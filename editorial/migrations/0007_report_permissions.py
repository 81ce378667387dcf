"""Give the roles the permission of the reports app (produce and download the centre's documents)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from editorial.sync import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0006_registration_permissions"), ("reports", "0001_report_requests")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
