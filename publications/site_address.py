"""The default Wagtail ``Site`` follows ``BASE_URL``, and production refuses a public address it cannot serve.

``page.full_url`` (canonical and og:url tags, links to pages in emails) is built from the
``Site``'s host and port, everything else from ``BASE_URL``: ``site_address_sync`` makes the
two agree. It runs after every ``migrate`` and ``load_demo``, so ``dev.py start --port N``
and a production deployment with its own ``BASE_URL`` never link to another address. The
sites named ``*.localhost`` (the demo's centres) follow ``BASE_URL``'s port: only this machine
answers them, on the port it serves.
"""

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import CheckMessage, Error
from wagtail.models import Site

# Host names that only ever reach the machine they are typed on.
_LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}  # noqa: S104 (a name compared, not bound)


def base_url_host_port() -> tuple[str, int]:
    """``BASE_URL``'s host name and port (80 or 443 when it names none), as Wagtail's ``Site`` stores them."""
    address = urlsplit(settings.BASE_URL)
    return address.hostname or "localhost", address.port or (443 if address.scheme == "https" else 80)


def site_address_sync() -> Site | None:
    """Put the default site on ``BASE_URL``'s host and port and the ``*.localhost`` sites on its port.

    Returns the default site (``None`` before there is one). It is left alone when another site
    already holds that host and port (a second site of the same deployment): Wagtail refuses two
    sites on one address, and that one then answers it.
    """
    hostname, port = base_url_host_port()
    _local_sites_port_sync(port)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    if (site.hostname, site.port) == (hostname, port):
        return site
    if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
        return site
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site


def _local_sites_port_sync(port: int) -> None:
    """Move every ``*.localhost`` site to ``port``, unless a site of the same name already holds it."""
    taken = set(Site.objects.filter(hostname__endswith=".localhost", port=port).values_list("hostname", flat=True))
    for site in Site.objects.filter(hostname__endswith=".localhost").exclude(port=port):
        if site.hostname not in taken:
            site.port = port
            site.save(update_fields=["port"])


def site_address_sync_after_migrate(**kwargs: Any) -> None:
    site_address_sync()


def base_url_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """A site that redirects to HTTPS (production) must have an https, non-local ``BASE_URL``.

    The local docker-compose stack turns ``SECURE_SSL_REDIRECT`` off, since nothing there speaks
    HTTPS, and may keep ``http://localhost:8000``.
    """
    if not getattr(settings, "SECURE_SSL_REDIRECT", False):
        return []
    base_url = getattr(settings, "BASE_URL", "")
    address = urlsplit(base_url)
    hint = "Set BASE_URL to the site's public address, e.g. BASE_URL=https://crpv.example.org."
    if not base_url:
        problem = "BASE_URL is missing"
    elif address.scheme != "https":
        problem = f"BASE_URL must be an https address in production, not {base_url!r}"
    elif (address.hostname or "") in _LOCAL_HOSTS or (address.hostname or "").endswith(".localhost"):
        problem = f"BASE_URL names this machine ({base_url!r}): emails, feeds and links would point nowhere"
    else:
        return []
    return [Error(f"{problem}.", hint=hint, id="publications.E001")]
