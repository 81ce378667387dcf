from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SendingConfig(AppConfig):
    name = "sending"
    label = "sending"
    verbose_name = _("Envois de lettres")

    def ready(self) -> None:
        from editorial.calendar import EntryKind, calendar_provider_register
        from sending import erasure  # noqa: F401  (connects the erasure receiver)
        from sending.selectors import sends_in_range

        calendar_provider_register(EntryKind.NEWSLETTER_SEND, sends_in_range)
