"""One recipient's message on the wire, through a real SMTP server: headers, both parts, hostile names."""

import re
from email import message_from_bytes
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.utils import getaddresses

import pytest
from django.core import mail

from newsletters.messages import build_message
from tests.newsletters.conftest import PREFERENCES, UNSUBSCRIBE


def raw_mailboxes(data: bytes, header: str) -> list[tuple[str, str]]:
    """(display name, address) pairs of a header, decoded as RFC 2047 says: adjacent encoded words
    join without the space between them (the `policy.default` parser inserts one)."""
    raw = message_from_bytes(data)[header]
    return [(str(make_header(decode_header(name))), address) for name, address in getaddresses([raw])]


def send(rendered, newsletter_list, *, to_name="Camille Martin", to_email="camille@example.org", **kwargs):
    message = build_message(
        rendered,
        newsletter_list=newsletter_list,
        to_email=to_email,
        to_name=to_name,
        preferences_url=kwargs.pop("preferences_url", PREFERENCES),
        unsubscribe_url=kwargs.pop("unsubscribe_url", UNSUBSCRIBE),
        **kwargs,
    )
    assert message.send() == 1
    return message


def test_build_message__headers_on_the_wire(smtp_server, rendered, newsletter_list, settings):
    settings.BASE_URL = "https://ressources.example.org"

    send(rendered, newsletter_list)

    [received] = smtp_server.received
    wire = received.message
    assert received.mail_from == "resonances@example.org"
    assert received.rcpt_tos == ["camille@example.org"]
    assert wire["From"].addresses == (
        Address("Pôle ressources Ville et développement social", "resonances", "example.org"),
    )
    assert wire["Reply-To"].addresses[0].addr_spec == "contact@example.org"
    assert wire["To"].addresses == (Address("Camille Martin", "camille", "example.org"),)
    # The parser keeps the space of a fold right after "Subject:"; mail clients drop it.
    assert wire["Subject"].strip() == "Résonances n° 198 – Santé mentale et participation citoyenne"
    assert wire["List-Unsubscribe"].strip() == f"<{UNSUBSCRIBE}>"
    assert wire["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert str(wire["List-Id"]) == "Résonances <resonances.ressources.example.org>"
    assert re.fullmatch(r"<[^@>]+@ressources\.example\.org>", wire["Message-ID"])


def test_build_message__text_and_html_parts_are_personalised(smtp_server, rendered, newsletter_list):
    send(rendered, newsletter_list)

    wire = smtp_server.received[0].message
    assert wire.get_content_type() == "multipart/alternative"
    text = wire.get_body(("plain",)).get_content()
    html = wire.get_body(("html",)).get_content()
    assert "Bonjour Camille Martin," in text
    assert "Bonjour Camille Martin," in html
    assert f"Se désabonner : {UNSUBSCRIBE}" in text
    assert f'href="{UNSUBSCRIBE}"' in html
    assert rendered.marker not in text
    assert rendered.marker not in html


def test_build_message__each_message_gets_its_own_message_id(rendered, newsletter_list):
    first = build_message(
        rendered,
        newsletter_list=newsletter_list,
        to_email="a@example.org",
        to_name="",
        preferences_url=PREFERENCES,
        unsubscribe_url=UNSUBSCRIBE,
    )
    second = build_message(
        rendered,
        newsletter_list=newsletter_list,
        to_email="a@example.org",
        to_name="",
        preferences_url=PREFERENCES,
        unsubscribe_url=UNSUBSCRIBE,
    )

    assert first.extra_headers["Message-ID"] != second.extra_headers["Message-ID"]


def test_build_message__mailto_unsubscribe_only_when_configured(smtp_server, rendered, newsletter_list, settings):
    send(rendered, newsletter_list)
    settings.NEWSLETTER_UNSUBSCRIBE_MAILTO = "desabonnement@example.org"
    send(rendered, newsletter_list)

    without, with_mailto = (received.message for received in smtp_server.received)
    assert without["List-Unsubscribe"].strip() == f"<{UNSUBSCRIBE}>"
    assert (
        with_mailto["List-Unsubscribe"].strip()
        == f"<{UNSUBSCRIBE}>, <mailto:desabonnement@example.org?subject=unsubscribe>"
    )


def test_build_message__no_one_click_header_for_a_plain_http_url(smtp_server, rendered, newsletter_list):
    send(rendered, newsletter_list, unsubscribe_url="http://127.0.0.1:8000/desabonnement/tok/")

    wire = smtp_server.received[0].message
    assert wire["List-Unsubscribe"].strip() == "<http://127.0.0.1:8000/desabonnement/tok/>"
    assert wire["List-Unsubscribe-Post"] is None


def test_build_message__extra_headers_are_added(smtp_server, rendered, newsletter_list):
    send(rendered, newsletter_list, headers={"X-Delivery-Id": "42"})

    assert smtp_server.received[0].message["X-Delivery-Id"] == "42"


@pytest.mark.parametrize(
    ("to_name", "expected"),
    [
        ("Camille\r\nBcc: victime@example.org", "Camille Bcc: victime@example.org"),
        ("Camille\nX-Injected: oui", "Camille X-Injected: oui"),
        ('Jean "le Boss", DG <patron@example.org>', 'Jean "le Boss", DG <patron@example.org>'),
        ("Élodie Ñúñez 🌿 conseillère citoyenne", "Élodie Ñúñez 🌿 conseillère citoyenne"),
        ("É" * 5000, "É" * 120),
    ],
    ids=["crlf-bcc", "lf-header", "quotes-comma-address", "unicode", "very-long"],
)
def test_build_message__hostile_names_stay_in_the_display_name(
    smtp_server, rendered, newsletter_list, to_name, expected
):
    send(rendered, newsletter_list, to_name=to_name)

    [received] = smtp_server.received
    wire = received.message
    assert received.rcpt_tos == ["camille@example.org"]
    assert wire["Bcc"] is None
    assert wire["X-Injected"] is None
    assert raw_mailboxes(received.data, "To") == [(expected, "camille@example.org")]
    assert all(len(line) <= 998 for line in received.data.split(b"\r\n"))
    to_header = received.data.split(b"\r\nTo:", 1)[1].split(b"\r\nReply-To:", 1)[0]
    # Folded into short encoded words (Python's email package writes them up to 76 characters).
    assert all(len(word) <= 76 for word in re.findall(rb"=\?utf-8\?[bq]\?[^?]*\?=", to_header))


def test_build_message__hostile_sender_name_of_the_list_stays_in_the_display_name(
    smtp_server, rendered, newsletter_list
):
    newsletter_list.sender_name = "Pôle ressources\r\nBcc: victime@example.org"

    send(rendered, newsletter_list)

    [received] = smtp_server.received
    assert received.rcpt_tos == ["camille@example.org"]
    assert received.message["Bcc"] is None
    assert raw_mailboxes(received.data, "From") == [
        ("Pôle ressources Bcc: victime@example.org", "resonances@example.org")
    ]


@pytest.mark.parametrize(
    "to_email",
    [
        "pas-une-adresse",
        "camille@example.org\r\nBcc: victime@example.org",
        "a@b@example.org",
        "",
        "x" * 300 + "@example.org",
    ],
)
def test_build_message__invalid_addresses_are_refused(rendered, newsletter_list, to_email):
    with pytest.raises(ValueError, match="Invalid email address"):
        build_message(
            rendered,
            newsletter_list=newsletter_list,
            to_email=to_email,
            to_name="Camille",
            preferences_url=PREFERENCES,
            unsubscribe_url=UNSUBSCRIBE,
        )
    assert mail.outbox == []


def test_build_message__unsafe_unsubscribe_url_is_refused(rendered, newsletter_list):
    with pytest.raises(ValueError, match="Not a safe absolute http"):
        build_message(
            rendered,
            newsletter_list=newsletter_list,
            to_email="a@example.org",
            to_name="",
            preferences_url=PREFERENCES,
            unsubscribe_url="https://example.org/>\r\nBcc: x@example.org",
        )
