"""Each list belongs to a centre: the lists an instance already had go to its default centre."""

import django.db.models.deletion
from django.db import migrations, models


def lists_attach(apps, schema_editor):
    Centre = apps.get_model("centres", "Centre")
    NewsletterList = apps.get_model("newsletters", "NewsletterList")
    if not NewsletterList.objects.filter(centre__isnull=True).exists():
        return
    # centres.0002 made it whenever a list existed: the default site's centre, else the only one.
    centre = Centre.objects.filter(site__is_default_site=True).first() or Centre.objects.order_by("pk").first()
    NewsletterList.objects.filter(centre__isnull=True).update(centre=centre)


class Migration(migrations.Migration):
    dependencies = [("newsletters", "0001_initial"), ("centres", "0002_default_centre")]

    operations = [
        migrations.AddField(
            model_name="newsletterlist",
            name="centre",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="newsletter_lists",
                to="centres.centre",
                verbose_name="centre",
            ),
        ),
        migrations.RunPython(lists_attach, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="newsletterlist",
            name="centre",
            field=models.ForeignKey(
                help_text="Le centre qui publie la lettre : ses rôles seuls voient la liste et ses abonnés.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="newsletter_lists",
                to="centres.centre",
                verbose_name="centre",
            ),
        ),
    ]
