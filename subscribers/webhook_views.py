"""The providers' tracking webhooks, each refused until its authentication is configured.

Anymail's views alone accept what this project must refuse: Resend's and SendGrid's skip the
signature check when their key is not set, views whose key or library is missing fail with a
500, and garbage bodies or payloads of the wrong shape raise a 500. Here each provider's tracking
endpoint, at anymail's address (``/webhooks/anymail/<provider>/tracking/``), answers:

- 403 while the provider's authentication is not configured: its signing key for the providers
  that sign their calls, ``ANYMAIL_WEBHOOK_SECRET`` (basic auth) for the others; and while the
  library anymail's view needs is not installed (``cryptography`` to check Postal's and SendGrid's
  signatures, ``svix`` for Resend's, ``boto3`` for Amazon SES), since anymail would then skip the
  check or fail with a 500;
- 401 when the call does not carry that authentication (anymail also checks basic auth on
  signing providers when ``ANYMAIL_WEBHOOK_SECRET`` is set);
- 400 to a body that is too large, not the provider's format, or that anymail cannot parse;
- anymail's answer otherwise, its events handled by `subscribers.webhooks` in one transaction,
  so that a call failing half-way suppresses nothing.

Inbound (received mail) webhooks are not routed: the project receives no mail.
"""

import importlib.util
import logging
from dataclasses import dataclass

from anymail.exceptions import AnymailError, AnymailWebhookValidationFailure
from anymail.webhooks.amazon_ses import AmazonSESTrackingWebhookView
from anymail.webhooks.base import AnymailCoreWebhookView
from anymail.webhooks.brevo import BrevoTrackingWebhookView
from anymail.webhooks.mailersend import MailerSendTrackingWebhookView
from anymail.webhooks.mailgun import MailgunTrackingWebhookView
from anymail.webhooks.mailjet import MailjetTrackingWebhookView
from anymail.webhooks.mandrill import MandrillCombinedWebhookView
from anymail.webhooks.postal import PostalTrackingWebhookView
from anymail.webhooks.postmark import PostmarkTrackingWebhookView
from anymail.webhooks.resend import ResendTrackingWebhookView
from anymail.webhooks.sendgrid import SendGridTrackingWebhookView
from anymail.webhooks.sparkpost import SparkPostTrackingWebhookView
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from config.parsing import positive_int

logger = logging.getLogger(__name__)

# Providers batch their events; a megabyte holds hundreds of them.
WEBHOOK_MAX_BYTES = 1024 * 1024
# What a body anymail cannot read raises while it is parsed (before any event is sent).
MALFORMED = (AnymailError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError)


@dataclass(frozen=True)
class WebhookProvider:
    view: type[AnymailCoreWebhookView]
    # The anymail setting holding the key the provider signs its calls with; None when the
    # provider offers basic auth only (ANYMAIL_WEBHOOK_SECRET).
    signing_key: str | None = None
    # A module anymail's view needs that is not one of anymail's own dependencies.
    requires: str | None = None


# The providers EMAIL_PROVIDER accepts (config/settings/sending.py), by their anymail URL name.
WEBHOOK_PROVIDERS = {
    "amazon_ses": WebhookProvider(AmazonSESTrackingWebhookView, requires="boto3"),
    "brevo": WebhookProvider(BrevoTrackingWebhookView),
    "mailersend": WebhookProvider(MailerSendTrackingWebhookView, "MAILERSEND_SIGNING_SECRET"),
    "mailgun": WebhookProvider(MailgunTrackingWebhookView, "MAILGUN_WEBHOOK_SIGNING_KEY"),
    "mailjet": WebhookProvider(MailjetTrackingWebhookView),
    "mandrill": WebhookProvider(MandrillCombinedWebhookView, "MANDRILL_WEBHOOK_KEY"),
    "postal": WebhookProvider(PostalTrackingWebhookView, "POSTAL_WEBHOOK_KEY", "cryptography"),
    "postmark": WebhookProvider(PostmarkTrackingWebhookView),
    "resend": WebhookProvider(ResendTrackingWebhookView, "RESEND_SIGNING_SECRET", "svix"),
    "sendgrid": WebhookProvider(
        SendGridTrackingWebhookView, "SENDGRID_TRACKING_WEBHOOK_VERIFICATION_KEY", "cryptography"
    ),
    "sparkpost": WebhookProvider(SparkPostTrackingWebhookView),
}


def _anymail_setting(name: str) -> object:
    # Anymail reads its settings from the ANYMAIL dict, then from flat ANYMAIL_<NAME> settings.
    return getattr(settings, "ANYMAIL", {}).get(name) or getattr(settings, f"ANYMAIL_{name}", None)


def webhook_is_configured(provider: WebhookProvider) -> bool:
    """Whether the provider's calls can be authenticated (its signing key, or the basic-auth secret)
    and anymail's view can run."""
    if provider.requires and importlib.util.find_spec(provider.requires) is None:
        return False
    return bool(_anymail_setting(provider.signing_key or "WEBHOOK_SECRET"))


def _refusal(status: int, message: str) -> JsonResponse:
    return JsonResponse({"detail": message}, status=status, json_dumps_params={"ensure_ascii": False})


@csrf_exempt
def tracking_webhook(request: HttpRequest, *, provider: str) -> HttpResponse:
    webhook = WEBHOOK_PROVIDERS[provider]
    if not webhook_is_configured(webhook):
        logger.warning("%s webhook refused: its authentication is not configured", provider)
        return _refusal(403, _("Ce webhook est fermé tant que son authentification n'est pas configurée."))
    length = positive_int(request.META.get("CONTENT_LENGTH") or "0", minimum=0)
    if length is None or length > WEBHOOK_MAX_BYTES:
        return _refusal(400, _("Requête trop volumineuse."))
    try:
        with transaction.atomic():
            return webhook.view.as_view()(request)
    except AnymailWebhookValidationFailure as error:
        logger.warning("%s webhook refused: %s", provider, error)
        return _refusal(401, _("Authentification du webhook absente ou invalide."))
    except MALFORMED as error:
        logger.warning("%s webhook refused, malformed call: %r", provider, error)
        return _refusal(400, _("Requête illisible."))
