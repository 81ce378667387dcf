from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = _("Lettres d'information")

    def ready(self) -> None:
        from newsletters import page_context  # noqa: F401  (registers the newsletter pages' context builders)
