"""Attach what an instance of one centre already holds to a default centre that owns its site.

A new database has nothing to attach (Wagtail's welcome page, no list): it gets no centre, and
the administrator (or the demo) creates the centres and their sites.
"""

from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    Centre = apps.get_model("centres", "Centre")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    NewsletterList = apps.get_model("newsletters", "NewsletterList")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home_type = ContentType.objects.filter(app_label="publications", model="homepage").first()
    has_content = site is not None and home_type is not None and site.root_page.content_type_id == home_type.pk
    if Centre.objects.exists() or not (has_content or NewsletterList.objects.exists()):
        return
    name = (site.site_name if site else "") or getattr(settings, "WAGTAIL_SITE_NAME", "") or "Centre de ressources"
    Centre.objects.create(name=name, slug="centre", site=site if has_content else None)


class Migration(migrations.Migration):
    dependencies = [
        ("centres", "0001_centre"),
        ("newsletters", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
