"""The editorial roles: group names and what each may do, kept in code and synced by migrations."""

from typing import Any

from django.utils.translation import gettext_lazy as _

EDITORS = "Rédaction"
REVIEWERS = "Relecture"
BOARD = "Bureau"
ADMINISTRATORS = "Administration"
CENTRE_ADMINISTRATORS = "Administration du centre"

ROLES = (EDITORS, REVIEWERS, BOARD, ADMINISTRATORS)
# The instance's own group sees everything; every other role exists once per centre, confined to it
# (editorial.sync.centre_roles_sync, called by centres.roles).
INSTANCE_ROLES = (ADMINISTRATORS,)
CENTRE_ROLES = (EDITORS, REVIEWERS, BOARD, CENTRE_ADMINISTRATORS)


def centre_group_name(role: str, centre_label: str) -> str:
    """« Rédaction · IREV »: the group of ``role`` in the centre of that acronym (or name)."""
    return f"{role} · {centre_label}"


ROLE_DESCRIPTIONS = {
    EDITORS: _("Rédige et modifie les contenus, les soumet à la relecture ; ne publie jamais."),
    REVIEWERS: _("Relit, approuve ou renvoie avec commentaire, publie ce qui a franchi le circuit."),
    BOARD: _("Valide la ligne éditoriale : programmes, lettres et contenus qui engagent le centre."),
    ADMINISTRATORS: _("Tout : utilisateurs, paramètres, listes, circuits et envois, dans tous les centres."),
    CENTRE_ADMINISTRATORS: _("Les listes, abonné·e·s, envois et inscriptions de son centre."),
}

# Page permissions (Wagtail's codenames) granted on the root page for the instance's administrators,
# on the centre's site root for a centre's roles.
PAGE_PERMISSIONS = {
    EDITORS: ("add_page", "change_page", "lock_page"),
    REVIEWERS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
    BOARD: (),
    ADMINISTRATORS: ("add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"),
    CENTRE_ADMINISTRATORS: (),
}

# Collection permissions (images, documents, media) granted on the root collection for the instance's
# administrators, on the centre's collection for a centre's roles. Wagtail's
# permission policies check the codenames of their own models (their `auth_model`: wagtailimages.Image,
# wagtaildocs.Document, wagtailmedia.Media), never those of the project's custom models in assets.
_LIBRARY = (("wagtailimages", "image"), ("wagtaildocs", "document"), ("wagtailmedia", "media"))
# wagtailmedia has no choose permission: its chooser offers the media the user may change.
_LIBRARY_CHOOSE = ("wagtailimages.choose_image", "wagtaildocs.choose_document")


def _library(*actions: str) -> tuple[str, ...]:
    return tuple(f"{app}.{action}_{model}" for app, model in _LIBRARY for action in actions)


_LIBRARY_WRITE = _library("add", "change") + _LIBRARY_CHOOSE
COLLECTION_PERMISSIONS = {
    EDITORS: _LIBRARY_WRITE,
    REVIEWERS: _LIBRARY_WRITE + _library("delete"),
    BOARD: _LIBRARY_CHOOSE,
    ADMINISTRATORS: _LIBRARY_WRITE + _library("delete"),
    CENTRE_ADMINISTRATORS: _LIBRARY_CHOOSE,
}

# Model permissions ("app_label.codename"); every role may reach the admin.
_SNIPPETS = ("theme", "audience", "publicationcollection", "actionformat", "territory", "organisation", "person")
_PEOPLE = ("organisation", "person")
# Whoever runs an action opens its registrations and sees who registered (to welcome them, to tick
# attendance); deleting a registration (the person's data) is for administrators.
_REGISTRATIONS = tuple(
    f"registrations.{action}_{model}"
    for model in ("registrationsettings", "registration")
    for action in ("add", "change", "view")
)
# The documents the centre writes from its data (programme, progress review, activity report):
# whoever writes the content produces them, and the board its progress review.
_REPORTS = ("reports.produce_report",)
# Lists, subscribers (personal data: import, export, erasure), sends and registrations: the instance's
# administrators everywhere, a centre's administrators in their centre (the admin views filter by
# centres.selectors.user_centres).
_CENTRE_ADMINISTRATION = (
    *(f"newsletters.{action}_newsletterlist" for action in ("add", "change", "delete", "view")),
    "newsletters.send_newsletter",
    *_REGISTRATIONS,
    *_REPORTS,
    "registrations.delete_registrationsettings",
    "registrations.delete_registration",
    *(f"subscribers.{action}_subscriber" for action in ("add", "change", "delete", "view")),
)
MODEL_PERMISSIONS = {
    EDITORS: (
        "wagtailadmin.access_admin",
        *(f"publications.{action}_{model}" for model in _PEOPLE for action in ("add", "change", "view")),
        *(f"publications.view_{model}" for model in _SNIPPETS),
        *_REGISTRATIONS,
        *_REPORTS,
    ),
    REVIEWERS: (
        "wagtailadmin.access_admin",
        *(f"publications.{action}_{model}" for model in _SNIPPETS for action in ("add", "change", "view")),
        *_REGISTRATIONS,
        *_REPORTS,
    ),
    BOARD: ("wagtailadmin.access_admin", *_REPORTS),
    ADMINISTRATORS: (
        "wagtailadmin.access_admin",
        *(f"publications.{action}_{model}" for model in _SNIPPETS for action in ("add", "change", "delete", "view")),
        *_CENTRE_ADMINISTRATION,
        *(f"auth.{action}_user" for action in ("add", "change", "delete", "view")),
        *(f"auth.{action}_group" for action in ("add", "change", "delete", "view")),
        *(f"wagtailcore.{action}_workflow" for action in ("add", "change", "delete")),
        *(f"wagtailcore.{action}_task" for action in ("add", "change", "delete")),
        *(f"editorial.{action}_contenttypeworkflow" for action in ("add", "change", "delete", "view")),
        "wagtailcore.add_collection",
        "wagtailcore.change_collection",
        "wagtailcore.delete_collection",
        "wagtailcore.add_site",
        "wagtailcore.change_site",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        *(f"django_celery_beat.{action}_periodictask" for action in ("change", "view")),
    ),
    CENTRE_ADMINISTRATORS: ("wagtailadmin.access_admin", *_CENTRE_ADMINISTRATION),
}


def is_administrator(user: Any) -> bool:
    """Superusers and members of Administration; memoised on the user object for the request."""
    cached = getattr(user, "_editorial_is_administrator", None)
    if cached is None:
        cached = bool(user.is_superuser or user.groups.filter(name=ADMINISTRATORS).exists())
        user._editorial_is_administrator = cached
    return cached
