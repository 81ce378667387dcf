"""Create the editorial roles and the two workflows; later migrations call the same services again."""

from django.db import migrations


def forwards(apps, schema_editor):
    from editorial.sync import roles_sync, workflows_sync

    roles_sync(apps)
    workflows_sync(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_initial"),
        ("publications", "0001_initial"),
        ("newsletters", "0001_initial"),
        ("assets", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("django_celery_beat", "0019_alter_periodictasks_options"),
        # Last, so that their own permission migrations do not add to the roles afterwards.
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailmedia", "0005_alter_media_options"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
