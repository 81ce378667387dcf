"""Newsletter subscribers: rate limits of the public form, import limits, provider webhooks."""

from config.env import env

# Public subscription form: submissions allowed per client address and per email address
# within the window (seconds). Counted in Django's cache (Redis in production).
SUBSCRIBERS_RATE_LIMIT_PER_IP = env.int("SUBSCRIBERS_RATE_LIMIT_PER_IP", default=10)
SUBSCRIBERS_RATE_LIMIT_PER_EMAIL = env.int("SUBSCRIBERS_RATE_LIMIT_PER_EMAIL", default=3)
SUBSCRIBERS_RATE_LIMIT_WINDOW = env.int("SUBSCRIBERS_RATE_LIMIT_WINDOW", default=3600)

# CSV import in the admin: larger files are refused whole.
SUBSCRIBERS_IMPORT_MAX_BYTES = env.int("SUBSCRIBERS_IMPORT_MAX_BYTES", default=5 * 1024 * 1024)
SUBSCRIBERS_IMPORT_MAX_ROWS = env.int("SUBSCRIBERS_IMPORT_MAX_ROWS", default=50_000)

# Shared secret of the providers' tracking webhooks (bounces, complaints): the provider sends
# it as HTTP basic auth "user:password" (comma-separated to rotate). Anymail reads this flat
# setting. Without it the webhooks are open to anyone, so no event suppresses an address.
ANYMAIL_WEBHOOK_SECRET = env.list("ANYMAIL_WEBHOOK_SECRET", default=[])
