"""The bytes of a recipient's message say what build_message's EmailMessage says, header by header, part by part."""

import re
from dataclasses import replace
from email import message_from_bytes, policy

import pytest

from newsletters.message_bytes import message_bytes, message_template
from newsletters.messages import build_message
from tests.newsletters.conftest import PREFERENCES, UNSUBSCRIBE

# Different in every message by design (the boundary: one per template).
OWN_VALUES = {"message-id", "date", "content-type"}


def _both(rendered, newsletter_list, **recipient):
    values = {
        "to_email": "camille@example.org",
        "to_name": "Camille Martin",
        "preferences_url": PREFERENCES,
        "unsubscribe_url": UNSUBSCRIBE,
        "headers": {"X-Delivery-Id": "42"},
        **recipient,
    }
    django = build_message(rendered, newsletter_list=newsletter_list, **values).message().as_bytes(linesep="\r\n")
    wire = message_bytes(message_template(rendered, newsletter_list=newsletter_list), **values)
    return message_from_bytes(django, policy=policy.default), wire


def _headers(message) -> dict[str, str]:
    """Header values as a reader sees them: decoded, folding whitespace collapsed."""
    return {name.lower(): " ".join(str(value).split()) for name, value in message.items()}


@pytest.mark.parametrize(
    "to_name",
    [
        "Camille Martin",
        "",
        "Élodie Ñúñez 🌿 conseillère citoyenne",
        'Jean "le Boss", DG <patron@example.org>',
        "Camille\r\nBcc: victime@example.org",
        "É" * 5000,
    ],
    ids=["ascii", "no-name", "unicode", "quotes-comma-address", "crlf-bcc", "very-long"],
)
def test_message_bytes__parse_back_to_the_headers_and_parts_of_build_message(rendered, newsletter_list, to_name):
    expected, wire = _both(rendered, newsletter_list, to_name=to_name)

    parsed = message_from_bytes(wire.data, policy=policy.default)
    wanted, got = _headers(expected), _headers(parsed)
    assert set(got) == set(wanted)
    assert {name: got[name] for name in set(got) - OWN_VALUES} == {name: wanted[name] for name in set(got) - OWN_VALUES}
    assert got["message-id"] == wire.message_id != wanted["message-id"]
    assert re.fullmatch(r"<[^@>]+@[\w.-]+>", wire.message_id)
    assert parsed["Bcc"] is None
    assert parsed.get_content_type() == expected.get_content_type() == "multipart/alternative"
    for subtype in ("plain", "html"):
        assert parsed.get_body((subtype,)).get_content() == expected.get_body((subtype,)).get_content()


def test_message_bytes__lines_and_encoded_words_stay_within_the_rfc_limits(rendered, newsletter_list):
    _expected, wire = _both(rendered, newsletter_list, to_name="É" * 5000)

    lines = wire.data.split(b"\r\n")
    assert all(len(line) <= 998 for line in lines)
    assert all(len(line) <= 76 for line in lines[lines.index(b"") :])  # quoted-printable bodies
    assert b"\n" not in wire.data.replace(b"\r\n", b"")
    to_header = wire.data.split(b"\r\nTo:", 1)[1].split(b"\r\nDate:", 1)[0]
    assert all(len(word) <= 76 for word in re.findall(rb"=\?utf-8\?[bq]\?[^?]*\?=", to_header))


def test_message_bytes__each_recipient_gets_their_own_greeting_links_and_message_id(rendered, newsletter_list):
    template = message_template(rendered, newsletter_list=newsletter_list)
    messages = [
        message_bytes(
            template,
            to_email=f"lectrice{n}@example.org",
            to_name=f"Lectrice {n}",
            preferences_url=f"{PREFERENCES}{n}/",
            unsubscribe_url=f"{UNSUBSCRIBE}{n}/",
        )
        for n in (1, 2)
    ]

    assert messages[0].message_id != messages[1].message_id
    for n, wire in zip((1, 2), messages, strict=True):
        parsed = message_from_bytes(wire.data, policy=policy.default)
        text = parsed.get_body(("plain",)).get_content()
        html = parsed.get_body(("html",)).get_content()
        assert parsed["To"].addresses[0].addr_spec == f"lectrice{n}@example.org"
        assert parsed["List-Unsubscribe"].strip() == f"<{UNSUBSCRIBE}{n}/>"
        assert f"Bonjour Lectrice {n}," in text
        assert f"Bonjour Lectrice {n}," in html
        assert f"Se désabonner : {UNSUBSCRIBE}{n}/" in text
        assert f'href="{PREFERENCES}{n}/"' in html
        assert rendered.marker not in text
        assert rendered.marker not in html


def test_message_bytes__no_one_click_header_for_a_plain_http_url(rendered, newsletter_list):
    expected, wire = _both(rendered, newsletter_list, unsubscribe_url="http://127.0.0.1:8000/desabonnement/tok/")

    parsed = message_from_bytes(wire.data, policy=policy.default)
    assert parsed["List-Unsubscribe-Post"] is None is expected["List-Unsubscribe-Post"]


@pytest.mark.parametrize(
    "recipient",
    [
        {"to_email": "camille@example.org\r\nBcc: victime@example.org"},
        {"to_email": "pas-une-adresse"},
        {"to_email": f"{'a' * 65}@example.org"},
        {"unsubscribe_url": "javascript:alert(1)"},
        {"preferences_url": 'https://example.org/"><script>'},
        {"headers": {"X-Delivery-Id": "42\r\nBcc: victime@example.org"}},
    ],
    ids=["crlf-address", "not-an-address", "local-part-too-long", "javascript-url", "quote-in-url", "crlf-header"],
)
def test_message_bytes__refuses_what_build_message_refuses(rendered, newsletter_list, recipient):
    values = {
        "to_email": "camille@example.org",
        "to_name": "Camille",
        "preferences_url": PREFERENCES,
        "unsubscribe_url": UNSUBSCRIBE,
        **recipient,
    }
    with pytest.raises(ValueError):  # noqa: PT011 (each case has its own message)
        build_message(rendered, newsletter_list=newsletter_list, **values).message()
    with pytest.raises(ValueError):  # noqa: PT011 (each case has its own message)
        message_bytes(message_template(rendered, newsletter_list=newsletter_list), **values)


def test_message_bytes__a_body_that_looks_like_mime_cannot_end_its_part(rendered, newsletter_list):
    template = message_template(rendered, newsletter_list=newsletter_list)
    hostile = f"--{template.boundary.decode()}--\n.\nFrom x\n=3D " + "x" * 2000
    forged = replace(template, rendered=replace(rendered, text=f"{rendered.text}{hostile}\n"))

    wire = message_bytes(
        forged, to_email="camille@example.org", to_name="", preferences_url=PREFERENCES, unsubscribe_url=UNSUBSCRIBE
    )

    parsed = message_from_bytes(wire.data, policy=policy.default)
    assert [part.get_content_type() for part in parsed.iter_parts()] == ["text/plain", "text/html"]
    assert parsed.get_body(("plain",)).get_content().replace("\r\n", "\n").endswith(f"{hostile}\n")
