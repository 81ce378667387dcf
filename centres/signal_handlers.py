"""A centre's groups follow the centre and its site: a new home page moves their page permissions."""

from typing import Any

from wagtail.models import Site

from centres.models import Centre
from centres.roles import centre_roles_ensure


def on_centre_saved(sender: Any, instance: Centre, raw: bool = False, **kwargs: Any) -> None:
    if not raw:
        centre_roles_ensure(centre=instance)


def on_site_saved(sender: Any, instance: Site, raw: bool = False, **kwargs: Any) -> None:
    centre = Centre.objects.filter(site=instance).first()
    if centre is not None and not raw:
        centre_roles_ensure(centre=centre)
