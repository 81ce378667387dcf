"""EMAIL_PROVIDER and ANYMAIL_* variables select the email backend."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.settings.sending import email_provider_settings


def test_email_provider__unset_or_smtp_keeps_django_smtp():
    assert email_provider_settings({}) == {}
    assert email_provider_settings({"EMAIL_PROVIDER": " SMTP "}) == {}


def test_email_provider__brevo_reads_its_key():
    settings = email_provider_settings(
        {"EMAIL_PROVIDER": "brevo", "ANYMAIL_BREVO_API_KEY": "xkeysib-123", "ANYMAIL_WEBHOOK_SECRET": "a:b,c:d"}
    )

    assert settings == {"EMAIL_BACKEND": "anymail.backends.brevo.EmailBackend", "ANYMAIL_BREVO_API_KEY": "xkeysib-123"}


def test_email_provider__mailgun_with_its_region():
    settings = email_provider_settings(
        {
            "EMAIL_PROVIDER": "mailgun",
            "ANYMAIL_MAILGUN_API_KEY": "key-1",
            "ANYMAIL_MAILGUN_API_URL": "https://api.eu.mailgun.net/v3",
        }
    )

    assert settings["EMAIL_BACKEND"] == "anymail.backends.mailgun.EmailBackend"
    assert settings["ANYMAIL_MAILGUN_API_URL"] == "https://api.eu.mailgun.net/v3"


def test_email_provider__amazon_ses_needs_only_boto3s_variables():
    assert email_provider_settings({"EMAIL_PROVIDER": "amazon_ses"}) == {
        "EMAIL_BACKEND": "anymail.backends.amazon_ses.EmailBackend"
    }


def test_email_provider__missing_key_is_refused():
    with pytest.raises(ImproperlyConfigured, match="ANYMAIL_MAILJET_SECRET_KEY"):
        email_provider_settings({"EMAIL_PROVIDER": "mailjet", "ANYMAIL_MAILJET_API_KEY": "k", "ANYMAIL_X": " "})


@pytest.mark.parametrize("provider", ["sendinblue2", "../../etc/passwd", "anymail.backends.test"])
def test_email_provider__unknown_is_refused(provider):
    with pytest.raises(ImproperlyConfigured, match="not one of"):
        email_provider_settings({"EMAIL_PROVIDER": provider})


def test_email_provider__every_backend_module_exists():
    """Found without importing: some need their provider's SDK (boto3 for Amazon SES), installed on demand."""
    from importlib.util import find_spec

    from config.settings.sending import ANYMAIL_PROVIDERS

    for backend, _required in ANYMAIL_PROVIDERS.values():
        assert find_spec(backend.rsplit(".", 1)[0]) is not None, backend
