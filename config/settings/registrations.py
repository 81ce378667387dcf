"""Registrations to actions: rate limits of the public form, retention of personal data."""

from config.env import env

# Per RATE_LIMIT_WINDOW seconds: registrations from one client address, and for one email address.
REGISTRATIONS_RATE_LIMIT_PER_IP = env.int("REGISTRATIONS_RATE_LIMIT_PER_IP", default=20)
REGISTRATIONS_RATE_LIMIT_PER_EMAIL = env.int("REGISTRATIONS_RATE_LIMIT_PER_EMAIL", default=5)
# Days after an action's last session before its registrations are anonymised (counts kept).
REGISTRATIONS_RETENTION_DAYS = env.int("REGISTRATIONS_RETENTION_DAYS", default=365)
