"""Load the demo content and, on request, create or reset the demo accounts."""

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from demo.credentials import DEMO_PASSWORD_FILE, demo_password_read_or_create
from demo.loader import demo_load
from demo.users import DEMO_USERS, demo_users_ensure


class Command(BaseCommand):
    help = "Build the demo site from demo/data (idempotent: creates only what is missing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--admin",
            action="store_true",
            help=(
                "Create (or reset) 'admin' and one account per editorial role, with the password kept in "
                f"{DEMO_PASSWORD_FILE} (made once); print it in development."
            ),
        )
        parser.add_argument("--admin-password", default="", help="Password to set instead of the kept one.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["admin"] and not settings.DEBUG and not options["admin_password"]:
            # Outside development a password is neither made up, stored in var/ nor printed.
            raise CommandError("--admin outside development (DEBUG off) needs --admin-password.")
        demo_load()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        if not options["admin"]:
            return
        password = options["admin_password"] or demo_password_read_or_create()
        made = demo_users_ensure(password=password)
        if settings.DEBUG:
            self.stdout.write(self.style.SUCCESS(f"Admin login: admin / {password}"))
        roles = ", ".join(f"{username} ({role})" for username, _, _, role, _ in DEMO_USERS[1:] if username in made)
        self.stdout.write(f"Same password for the editorial roles: {roles}")
