"""Load the demo content and, on request, create or reset the demo accounts."""

import secrets
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from demo.loader import demo_load
from demo.users import DEMO_USERS, demo_users_ensure


class Command(BaseCommand):
    help = "Build the demo site from demo/data (idempotent: creates only what is missing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--admin",
            action="store_true",
            help="Create (or reset) 'admin' and one account per editorial role, and print their login.",
        )
        parser.add_argument("--admin-password", default="", help="Password to set instead of a random one.")

    def handle(self, *args: Any, **options: Any) -> None:
        demo_load()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        if options["admin"]:
            password = options["admin_password"] or secrets.token_urlsafe(12)
            demo_users_ensure(password=password)
            self.stdout.write(self.style.SUCCESS(f"Admin login: admin / {password}"))
            roles = ", ".join(f"{username} ({role})" for username, _, _, role in DEMO_USERS[1:])
            self.stdout.write(f"Same password for the editorial roles: {roles}")
