"""The admin's « Mot de passe oublié » form, throttled per client address and per email address.

Throttled or not, the visitor gets the same page (« if an account exists, an email is on its
way »): a different answer would tell whether the address has an account. Only the email is
withheld, so an attacker can neither flood a mailbox nor spray the form from one address.
"""

import logging
from typing import Any

from django.conf import settings
from wagtail.admin.forms.auth import PasswordResetForm

from config.client_address import client_address
from config.ratelimit import RateLimit, rate_limits_hit

logger = logging.getLogger(__name__)


class ThrottledPasswordResetForm(PasswordResetForm):
    def save(self, *args: Any, request: Any = None, **kwargs: Any) -> None:
        email = self.cleaned_data["email"]
        address = client_address(request) if request is not None else None
        limits = [
            RateLimit(
                scope="password-reset:ip", value=address or "unknown", limit=settings.PASSWORD_RESET_RATE_LIMIT_PER_IP
            ),
            RateLimit(
                scope="password-reset:email", value=email.lower(), limit=settings.PASSWORD_RESET_RATE_LIMIT_PER_EMAIL
            ),
        ]
        if not rate_limits_hit(limits=limits, window=settings.RATE_LIMIT_WINDOW):
            logger.warning("password reset throttled (client %s); no email sent", address)
            return
        super().save(*args, request=request, **kwargs)
