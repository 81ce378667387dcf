"""Each centre's roles kept in line with it: its groups are made when it is saved, follow its site's home
and its name (the tables and the sync are editorial's: `editorial.roles`, `editorial.sync`)."""

from django.apps import apps

from centres.models import Centre
from editorial.sync import centre_roles_sync


def centre_roles_ensure(*, centre: Centre) -> None:
    """Its Rédaction, Relecture, Bureau and Administration du centre, confined to its site and collection."""
    centre_roles_sync(apps, centre)
