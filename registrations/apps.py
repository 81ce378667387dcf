from django.apps import AppConfig


class RegistrationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registrations"
    verbose_name = "Inscriptions"

    def ready(self) -> None:
        from publications.serializers import api_fact_register
        from registrations import receivers
        from registrations.selectors import participant_counts_public, session_registration_public

        receivers.connect()
        # API v2 shows what the typed API shows: a session's seats, an action's attendance counts.
        api_fact_register("session_registration", session_registration_public)
        api_fact_register("action_attendance", participant_counts_public)
