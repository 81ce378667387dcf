"""Give the roles the library permissions Wagtail checks (wagtailimages, wagtaildocs, wagtailmedia).

0002 granted the custom models' codenames (assets.add_customimage…), which no admin view reads:
Rédaction and Relecture were sent away from the image, document and media libraries.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from editorial.sync import roles_sync

    roles_sync(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0003_subscriber_permissions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
