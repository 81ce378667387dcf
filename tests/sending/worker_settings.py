"""Settings of the Celery workers the sending tests start: the test settings, mail over real SMTP."""

from config.settings.test import *  # noqa: F403

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
