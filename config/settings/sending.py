"""Newsletter delivery: pace, batches, leases, and the email provider (SMTP or any django-anymail ESP).

``EMAIL_PROVIDER`` unset (or ``smtp``) keeps Django's EMAIL_BACKEND from EMAIL_URL (see email.py).
``EMAIL_PROVIDER=brevo`` (mailgun, amazon_ses, postmark, sendgrid, mailjet, sparkpost, resend...)
switches every outgoing email to that provider's anymail backend; each ``ANYMAIL_<NAME>`` variable
becomes the flat setting of that name, which anymail reads (``ANYMAIL_BREVO_API_KEY``...). Amazon
SES takes boto3's own variables (``AWS_ACCESS_KEY_ID``, ``AWS_REGION``...).
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

from config.env import env

# Provider name → (anymail backend, the variables it cannot work without).
ANYMAIL_PROVIDERS: dict[str, tuple[str, tuple[str, ...]]] = {
    "amazon_ses": ("anymail.backends.amazon_ses.EmailBackend", ()),
    "brevo": ("anymail.backends.brevo.EmailBackend", ("ANYMAIL_BREVO_API_KEY",)),
    "mailersend": ("anymail.backends.mailersend.EmailBackend", ("ANYMAIL_MAILERSEND_API_TOKEN",)),
    "mailgun": ("anymail.backends.mailgun.EmailBackend", ("ANYMAIL_MAILGUN_API_KEY",)),
    "mailjet": ("anymail.backends.mailjet.EmailBackend", ("ANYMAIL_MAILJET_API_KEY", "ANYMAIL_MAILJET_SECRET_KEY")),
    "mandrill": ("anymail.backends.mandrill.EmailBackend", ("ANYMAIL_MANDRILL_API_KEY",)),
    "postal": ("anymail.backends.postal.EmailBackend", ("ANYMAIL_POSTAL_API_URL", "ANYMAIL_POSTAL_API_KEY")),
    "postmark": ("anymail.backends.postmark.EmailBackend", ("ANYMAIL_POSTMARK_SERVER_TOKEN",)),
    "resend": ("anymail.backends.resend.EmailBackend", ("ANYMAIL_RESEND_API_KEY",)),
    "sendgrid": ("anymail.backends.sendgrid.EmailBackend", ("ANYMAIL_SENDGRID_API_KEY",)),
    "sparkpost": ("anymail.backends.sparkpost.EmailBackend", ("ANYMAIL_SPARKPOST_API_KEY",)),
}
ANYMAIL_PREFIX = "ANYMAIL_"
# Read elsewhere, with their own parsing (config/settings/subscribers.py).
ANYMAIL_HANDLED_ELSEWHERE = frozenset({"ANYMAIL_WEBHOOK_SECRET"})


def email_provider_settings(environ: Mapping[str, str]) -> dict[str, str]:
    """The settings EMAIL_PROVIDER and the ANYMAIL_* variables of ``environ`` give (none for SMTP)."""
    provider = environ.get("EMAIL_PROVIDER", "").strip().lower()
    if provider in ("", "smtp"):
        return {}
    if provider not in ANYMAIL_PROVIDERS:
        known = ", ".join(["smtp", *sorted(ANYMAIL_PROVIDERS)])
        raise ImproperlyConfigured(f"EMAIL_PROVIDER={provider!r} is not one of: {known}")
    backend, required = ANYMAIL_PROVIDERS[provider]
    found = {
        name: value.strip()
        for name, value in environ.items()
        if name.startswith(ANYMAIL_PREFIX) and name not in ANYMAIL_HANDLED_ELSEWHERE and value.strip()
    }
    missing = [name for name in required if name not in found]
    if missing:
        raise ImproperlyConfigured(f"EMAIL_PROVIDER={provider} needs {', '.join(missing)}")
    return {"EMAIL_BACKEND": backend, **found}


vars().update(email_provider_settings(env.ENVIRON))

# Defaults offered by the send form; each send keeps its own values.
SENDING_DEFAULT_RATE = env.int("SENDING_DEFAULT_RATE", default=10)
SENDING_DEFAULT_BATCH_SIZE = env.int("SENDING_DEFAULT_BATCH_SIZE", default=100)
# Bounds the form accepts: above them a typo would hammer the provider or hold a lease too long.
SENDING_MAX_RATE = env.int("SENDING_MAX_RATE", default=500)
SENDING_MAX_BATCH_SIZE = env.int("SENDING_MAX_BATCH_SIZE", default=1000)
# How long a claim outlives its batch's planned end (and a message its SMTP transaction) before
# another worker may take it over; longer than any SMTP transaction can last (EMAIL_TIMEOUT).
SENDING_LEASE_SECONDS = env.int("SENDING_LEASE_SECONDS", default=120)
# Batches of one send processed at once (by as many workers), sharing the send's rate.
SENDING_PARALLEL_BATCHES = env.int("SENDING_PARALLEL_BATCHES", default=2)
# PostgreSQL: whether a delivery's per-message statement waits for its WAL to reach the disk.
# Off, a message costs a round trip instead of a disk flush (about 3 ms here), and a killed
# worker still leaves at most one row uncertain; only a crash of PostgreSQL itself may lose the
# marks of its last fraction of a second (docs/newsletters.md).
SENDING_SYNCHRONOUS_COMMIT = env.bool("SENDING_SYNCHRONOUS_COMMIT", default=False)
# Transient failures: retried after base, 2×base, 4×base... until the attempts run out.
SENDING_MAX_ATTEMPTS = env.int("SENDING_MAX_ATTEMPTS", default=6)
SENDING_RETRY_BASE_SECONDS = env.int("SENDING_RETRY_BASE_SECONDS", default=60)
# While the SMTP server or the database is unreachable, a delivery task tries again this often.
SENDING_RECONNECT_SECONDS = env.float("SENDING_RECONNECT_SECONDS", default=1.0)
SENDING_TICK_SECONDS = env.float("SENDING_TICK_SECONDS", default=15.0)
# Without it Django's SMTP backend waits for ever on a stalled server.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
