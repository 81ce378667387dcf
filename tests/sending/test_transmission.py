"""One message on an SMTP session, pipelined or not: delivered as given, refusals raised as smtplib raises them."""

import smtplib

import pytest

from sending.outcomes import failure_outcome
from sending.transmission import smtp_send
from tests.smtp import SmtpServer

SENDER = "resonances@example.org"
# A line starting with a dot, which the transparency procedure must double then undouble.
DATA = b"Subject: Essai\r\nX-Delivery-Id: 7\r\n\r\nPremiere ligne\r\n.point en tete\r\n..deux points\r\nfin"


@pytest.fixture
def server(smtp_refusals):
    with SmtpServer(refusals=smtp_refusals) as smtp:
        yield smtp


@pytest.fixture(params=["pipelined", "one-command-at-a-time"])
def session(request, server):
    client = smtplib.SMTP(server.host, server.port, timeout=5)
    client.ehlo()
    if request.param == "pipelined":
        # aiosmtpd reads commands one line at a time without announcing PIPELINING: announce it here.
        client.esmtp_features["pipelining"] = ""
    else:
        client.esmtp_features.pop("pipelining", None)
    yield client
    client.close()


def test_smtp_send__delivers_the_bytes_as_given(server, session):
    smtp_send(session, SENDER, "camille@example.org", DATA, before_data=lambda: True)
    smtp_send(session, SENDER, "nadia@example.org", DATA + b"\r\n", before_data=lambda: True)

    first, second = server.received
    assert (first.mail_from, first.rcpt_tos) == (SENDER, ["camille@example.org"])
    assert second.rcpt_tos == ["nadia@example.org"]
    assert first.data.replace(b"\r\n", b"\n").rstrip(b"\n") == DATA.replace(b"\r\n", b"\n")
    assert first.headers["X-Delivery-Id"] == "7"


@pytest.mark.parametrize(
    ("recipient", "permanent"),
    [("refuse.1@example.org", True), ("busy.1@example.org", False)],
    ids=["550-permanent", "451-transient"],
)
def test_smtp_send__a_refused_recipient_raises_and_the_session_goes_on(server, session, recipient, permanent):
    with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
        smtp_send(session, SENDER, recipient, DATA, before_data=lambda: True)

    outcome = failure_outcome(refused.value)
    assert (outcome.permanent, outcome.suppress, outcome.uncertain) == (permanent, permanent, False)
    smtp_send(session, SENDER, "camille@example.org", DATA, before_data=lambda: True)
    assert [received.rcpt_tos for received in server.received] == [["camille@example.org"]]


@pytest.mark.parametrize("pipelining", [True, False], ids=["pipelined", "one-command-at-a-time"])
def test_smtp_send__a_server_gone_mid_session_is_a_lost_connection(pipelining):
    with SmtpServer() as gone:
        client = smtplib.SMTP(gone.host, gone.port, timeout=5)
        client.ehlo()
        if pipelining:
            client.esmtp_features["pipelining"] = ""

    with pytest.raises((smtplib.SMTPServerDisconnected, ConnectionError)) as lost:
        smtp_send(client, SENDER, "camille@example.org", DATA, before_data=lambda: True)

    assert failure_outcome(lost.value).uncertain
    client.close()


def test_smtp_send__refused_before_data_sends_nothing_and_the_next_session_works(server, session):
    calls = []

    def refuse() -> bool:
        calls.append("before")
        return False

    assert smtp_send(session, SENDER, "camille@example.org", DATA, before_data=refuse) is False

    assert calls == ["before"]
    assert server.received == []
    fresh = smtplib.SMTP(server.host, server.port, timeout=5)
    assert smtp_send(fresh, SENDER, "nadia@example.org", DATA, before_data=lambda: True) is True
    fresh.quit()
    assert [received.rcpt_tos for received in server.received] == [["nadia@example.org"]]
