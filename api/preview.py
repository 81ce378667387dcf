"""Signed, expiring tokens that let an external front read a page's latest draft.

A token names a page and one of its revisions, is signed with SECRET_KEY and expires after
API_PREVIEW_TOKEN_MAX_AGE seconds; making one stores nothing. An editor gets one from the page's
header menu in the admin (« Aperçu sur le front »). A page that has no revision yet (made by code
or an import) gets its first one from preview_revision_ensure, on a POST only: a GET never writes.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core import signing
from django.utils.translation import gettext as _
from wagtail.models import Page, Revision

from config.parsing import positive_int
from editorial.revisions import page_revision_save

SALT = "api.preview"


class PreviewTokenError(Exception):
    """A token that is forged, damaged, expired or points to a revision that no longer exists."""


@dataclass(frozen=True)
class PreviewDraft:
    page: Page
    revision: Revision


def preview_token_create(*, revision: Revision) -> str:
    """A token for this revision of its page: signing only, nothing is written."""
    return signing.dumps({"page": int(revision.object_id), "revision": revision.pk}, salt=SALT, compress=True)


def preview_revision_ensure(*, page: Page, user: AbstractBaseUser | None) -> Revision:
    """The page's latest revision (its current draft), or a first one saved from the page as stored."""
    return page.latest_revision or page_revision_save(page=page, user=user, log_action=False)


def preview_draft_read(*, token: str) -> PreviewDraft:
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.API_PREVIEW_TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise PreviewTokenError(
            _("Ce lien d'aperçu a expiré : demandez-en un nouveau depuis l'administration.")
        ) from error
    except (signing.BadSignature, ValueError) as error:
        raise PreviewTokenError(_("Ce lien d'aperçu n'est pas valide.")) from error
    if not isinstance(data, dict) or any(positive_int(data.get(key)) is None for key in ("page", "revision")):
        raise PreviewTokenError(_("Ce lien d'aperçu n'est pas valide."))
    revision = Revision.page_revisions.filter(pk=data["revision"], object_id=str(data["page"])).first()
    if revision is None:
        raise PreviewTokenError(_("Ce brouillon n'existe plus."))
    return PreviewDraft(page=revision.as_object(), revision=revision)
