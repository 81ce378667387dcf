"""The legal pages: rate limits of the contact form."""

from config.env import env

# Per RATE_LIMIT_WINDOW seconds: messages from one client address, and from one email address.
CONTACT_RATE_LIMIT_PER_IP = env.int("CONTACT_RATE_LIMIT_PER_IP", default=5)
CONTACT_RATE_LIMIT_PER_EMAIL = env.int("CONTACT_RATE_LIMIT_PER_EMAIL", default=3)
