"""Each centre's roles: its own Rédaction, Relecture, Bureau and Administration du centre, confined to its
site and media collection (editorial.sync.centre_roles_migrate); the instance's Administration stays."""

import django.db.models.deletion
from django.db import migrations, models


def forwards(apps, schema_editor):
    from editorial.sync import centre_roles_migrate

    centre_roles_migrate(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("centres", "0002_default_centre"),
        ("editorial", "0007_report_permissions"),
        ("newsletters", "0002_list_centre"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="ReviewTask",
            fields=[],
            options={"verbose_name": "relecture", "verbose_name_plural": "relectures", "proxy": True, "indexes": [], "constraints": []},
            bases=("wagtailcore.groupapprovaltask",),
        ),
        migrations.CreateModel(
            name="CentreGroup",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "role",
                    models.CharField(
                        choices=[
                            ("Rédaction", "Rédaction"),
                            ("Relecture", "Relecture"),
                            ("Bureau", "Bureau"),
                            ("Administration du centre", "Administration du centre"),
                        ],
                        max_length=60,
                        verbose_name="rôle",
                    ),
                ),
                (
                    "centre",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="role_groups",
                        to="centres.centre",
                        verbose_name="centre",
                    ),
                ),
                (
                    "group",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="centre_role",
                        to="auth.group",
                        verbose_name="groupe",
                    ),
                ),
            ],
            options={
                "verbose_name": "groupe d'un centre",
                "verbose_name_plural": "groupes des centres",
                "constraints": [models.UniqueConstraint(fields=("centre", "role"), name="one_group_per_centre_role")],
            },
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
