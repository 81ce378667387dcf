"""The board's flag, « engage la ligne éditoriale »: once a page carries it, only an administrator removes it.

A flagged page goes through « Validation du Bureau » (see EditorialPageMixin.get_workflow). Every
path that writes a revision (the edit and revert forms, « Proposer des contenus », copies, the API)
asks this module which flag the new revision carries, so that none of them can hand a flagged page
to « Relecture simple ». A page is flagged when its database row (its live version, or its draft
for a page never published) or its latest revision is: the revert view starts from an older,
unflagged revision, and a live page's row lags behind its draft. So an administrator who unticks
the flag on a live page's draft decides for that draft; until it is published (the row then loses
the flag), a revision by anyone else carries the flag again: the rule fails closed.
"""

from typing import Any

from django.db.models import Q
from wagtail.models import Page

from editorial import roles

FLAG = "engages_editorial_line"


def editorial_line_flagged(*, page: Page) -> bool:
    """Whether the stored page engages the editorial line: its row or its latest revision carries the flag."""
    if page.pk is None:
        return False
    model = page.specific_class
    if model is None or not hasattr(model, FLAG):
        return False
    return (
        model.objects.filter(pk=page.pk)
        .filter(Q(**{FLAG: True}) | Q(**{f"latest_revision__content__{FLAG}": True}))
        .exists()
    )


def editorial_line_kept(*, page: Page, user: Any) -> bool:
    """Whether a new revision of the page by `user` must carry the flag (nobody but an administrator removes it).

    `user` is None for revisions no person makes (a preview token): they keep the flag too.
    """
    return not (user is not None and roles.is_administrator(user)) and editorial_line_flagged(page=page)
