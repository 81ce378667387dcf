from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registrations"
    verbose_name = "Inscriptions"

    def ready(self) -> None:
        from registrations import receivers

        receivers.connect()
