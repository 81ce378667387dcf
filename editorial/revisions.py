"""Saving a page revision outside the page form, under the same rules as the form.

The edit and revert views apply the board's flag through EditorialPageForm and void the board's
votes through the `after_edit_page` hook; every other writer of revisions (« Proposer des
contenus », the API's preview tokens) calls `page_revision_save` so that it does both too.
"""

from typing import Any

from wagtail.models import Page, Revision

from editorial.board import board_restart_after_edit
from editorial.editorial_line import FLAG, editorial_line_kept


def page_revision_save(*, page: Page, user: Any, log_action: bool = True) -> Revision:
    """Save `page` (a page or a revision's object) as its latest revision, by `user`.

    The revision keeps the board's flag when the page carries it and `user` is not an administrator;
    a revision made during board validation voids the votes cast on the previous text, as an edit does.
    """
    if hasattr(page, FLAG) and editorial_line_kept(page=page, user=user):
        setattr(page, FLAG, True)
    revision = page.save_revision(user=user, log_action=log_action)
    board_restart_after_edit(page, user)
    return revision
