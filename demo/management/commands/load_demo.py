"""Load the demo content and, on request, create or reset the demo administrator."""

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser

from demo.loader import demo_load


class Command(BaseCommand):
    help = "Build the demo site from demo/data (idempotent: creates only what is missing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Create the 'admin' superuser (or reset its password) and print its login.",
        )
        parser.add_argument("--admin-password", default="", help="Password to set instead of a random one.")

    def handle(self, *args: Any, **options: Any) -> None:
        demo_load()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        if options["admin"]:
            password = options["admin_password"] or secrets.token_urlsafe(12)
            user, _ = get_user_model().objects.get_or_create(
                username="admin", defaults={"email": "admin@example.org", "first_name": "Admin"}
            )
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            self.stdout.write(self.style.SUCCESS(f"Admin login: admin / {password}"))
