"""The confirmation email through a real SMTP server (aiosmtpd): well-formed headers and both parts."""

import pytest

from subscribers.models import Subscriber

pytestmark = pytest.mark.django_db


def test_confirmation_email__through_smtp__well_formed(
    client, django_capture_on_commit_callbacks, form_data, resonances, smtp_server
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/abonnement/{resonances.slug}/", form_data(name="Inès Élu·e"), REMOTE_ADDR="203.0.113.9")

    [received] = smtp_server.received
    assert received.rcpt_tos == ["ines.benali@example.org"]
    assert received.mail_from == "resonances@example.org"
    message = received.message
    assert message["To"] == "ines.benali@example.org"
    assert message["From"] == f"{resonances.sender_name} <resonances@example.org>"
    assert message["Reply-To"] == resonances.reply_to
    assert message["Subject"] == "Confirmez votre abonnement à Résonances"
    assert message["Message-ID"]
    assert message["Date"]
    assert message["Auto-Submitted"] == "auto-generated"
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(preferencelist=("plain",))
    rich = message.get_body(preferencelist=("html",))
    assert plain is not None
    assert rich is not None
    assert Subscriber.objects.get().name == "Inès Élu·e"
    for part in (plain, rich):
        content = part.get_content()
        assert "Inès Élu·e" not in content  # nobody confirmed that name (tests/subscribers/test_emails.py)
        assert "/abonnement/confirmer/" in content
    assert "<a href=" in rich.get_content()
