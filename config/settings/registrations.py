"""Registrations to actions: rate limits of the public form."""

from config.env import env

# Per RATE_LIMIT_WINDOW seconds: registrations from one client address, and for one email address.
REGISTRATIONS_RATE_LIMIT_PER_IP = env.int("REGISTRATIONS_RATE_LIMIT_PER_IP", default=20)
REGISTRATIONS_RATE_LIMIT_PER_EMAIL = env.int("REGISTRATIONS_RATE_LIMIT_PER_EMAIL", default=5)
