"""The public subscription form, filled in as a visitor's browser would, behind the proxy."""

from http.cookies import SimpleCookie
from urllib.parse import urlencode

from tests.production.html import form_fields
from tests.production.server import Response, Server

FORM_PATH = "/abonnement/"
DONE = "Vérifiez votre messagerie"
THROTTLED = "Trop de demandes"


class SubscriptionForm:
    """The form read once (its CSRF cookie and token, its lists and roles), then posted as often as needed.

    Django accepts the same CSRF cookie and token on every post, whoever the proxy says sends it.
    """

    def __init__(self, server: Server) -> None:
        self.server = server
        page = server.get(FORM_PATH)
        assert page.status == 200, page.text[:500]
        cookies = SimpleCookie()
        for header in page.headers.get_all("Set-Cookie", []):
            cookies.load(header)
        self.cookie = f"csrftoken={cookies['csrftoken'].value}"
        fields = form_fields(page.text)
        self.token = fields.hidden["csrfmiddlewaretoken"]
        self.lists = fields.choices["lists"]
        self.role = fields.choices["role"][0]

    def submit(self, *, email: str, client: str) -> Response:
        body = urlencode(
            {
                "csrfmiddlewaretoken": self.token,
                "email": email,
                "name": "Camille Martin",
                "organisation": "",
                "role": self.role,
                "territory": "",
                "lists": self.lists[0],
                "consent": "on",
                "website": "",
            }
        ).encode()
        return self.server.request(
            "POST",
            FORM_PATH,
            body=body,
            client=client,
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": self.cookie,
                "Origin": self.server.origin,
            },
        )
