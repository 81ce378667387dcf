"""Items of the site an issue could present: what was published since the previous issue of its list.

Only live pages without view restriction are proposed, and only proposed pages can be accepted;
accepted ones are appended to the issue as linked items of an « Actualités du centre » section,
in a new draft revision (never published here).
"""

import datetime
import uuid
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied
from django.db.models import Min
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, Revision

from editorial.revisions import page_revision_save
from newsletters.models import NewsletterIssuePage
from publications.models import ActionPage, ActionSession, ExperiencePage, PodcastEpisodePage, PublicationPage
from publications.sessions import session_upcoming_q
from publications.visibility import pages_visible

DEFAULT_LOOKBACK = datetime.timedelta(days=60)
UPCOMING_WINDOW = datetime.timedelta(weeks=6)
PROPOSALS_SECTION = "centre_news"

KIND_LABELS = {
    "publication": gettext_lazy("Publication"),
    "action": gettext_lazy("Rendez-vous"),
    "episode": gettext_lazy("Podcast"),
    "experience": gettext_lazy("Fiche d'expérience"),
}


@dataclass(frozen=True)
class Proposal:
    page: Page
    kind: str
    tag: str
    detail: str

    @property
    def kind_label(self) -> str:
        return str(KIND_LABELS[self.kind])


def issue_proposals_since(issue: NewsletterIssuePage) -> datetime.datetime:
    """The previous issue's date of the same list (by number), else 60 days ago."""
    previous = (
        NewsletterIssuePage.objects.filter(newsletter_list_id=issue.newsletter_list_id, number__lt=issue.number)
        .order_by("-number")
        .values_list("issue_date", flat=True)
        .first()
    )
    if previous is None:
        return timezone.now() - DEFAULT_LOOKBACK
    return timezone.make_aware(datetime.datetime.combine(previous, datetime.time.min))


def linked_page_ids(issue: NewsletterIssuePage) -> set[int]:
    """Pages the issue's items already point to."""
    ids: set[int] = set()
    for section in issue.sections:
        if section.block_type == "experience":
            pages = [section.value.get("experience")]
        else:
            pages = [item.get("page") for item in section.value.get("items", []) if hasattr(item, "get")]
        ids.update(page.pk for page in pages if page is not None)
    return ids


def _published_since(model: type[Page], since: datetime.datetime) -> Any:
    return pages_visible(model.objects.filter(first_published_at__gte=since)).order_by("-first_published_at")


def _session_tag(action: ActionPage, starts_at: datetime.datetime) -> str:
    when = date_format(timezone.localtime(starts_at), "j F, G\\hi").replace("h00", "h")
    label = action.format.name if getattr(action, "format", None) else _("Rendez-vous")
    return f"{label}, {when}"


def issue_proposals(issue: NewsletterIssuePage) -> list[Proposal]:
    """New publications, episodes and experience records since the previous issue, and actions
    with a session in the next six weeks, minus pages the issue already holds."""
    since = issue_proposals_since(issue)
    now = timezone.now()
    taken = linked_page_ids(issue)
    proposals = [
        Proposal(page, "publication", str(KIND_LABELS["publication"]), date_format(page.publication_date, "j F Y"))
        for page in _published_since(PublicationPage, since)
    ]
    next_sessions = dict(
        ActionSession.objects.filter(session_upcoming_q(now=now, started=False), starts_at__lt=now + UPCOMING_WINDOW)
        .values("page_id")
        .annotate(first=Min("starts_at"))
        .values_list("page_id", "first")
    )
    actions = pages_visible(ActionPage.objects.filter(pk__in=next_sessions)).select_related("format")
    proposals += sorted(
        (Proposal(action, "action", _session_tag(action, next_sessions[action.pk]), "") for action in actions),
        key=lambda proposal: next_sessions[proposal.page.pk],
    )
    proposals += [
        Proposal(page, "episode", str(KIND_LABELS["episode"]), "")
        for page in _published_since(PodcastEpisodePage, since)
    ]
    proposals += [
        Proposal(page, "experience", str(KIND_LABELS["experience"]), "")
        for page in _published_since(ExperiencePage, since)
    ]
    return [proposal for proposal in proposals if proposal.page.pk not in taken]


def issue_edit_refusal(issue: Page, user: AbstractBaseUser) -> str:
    """Why the user may not change the issue now (French), or an empty string."""
    permissions = issue.permissions_for_user(user)
    if not permissions.can_edit():
        return _("Vous n'avez pas le droit de modifier ce numéro.")
    lock = issue.get_lock()
    if lock and lock.for_user(user):
        return _("Ce numéro est verrouillé : il ne peut pas être modifié pour le moment.")
    return ""


def _linked_item(proposal: Proposal) -> dict[str, Any]:
    return {"tag": proposal.tag, "page": proposal.page.pk, "title": "", "summary": "", "url": ""}


def issue_proposals_accept(*, issue: NewsletterIssuePage, page_ids: list[int], user: AbstractBaseUser) -> Revision:
    """Append the accepted proposals to the issue's latest draft and save it as a new revision.

    The revision is saved as an edit is (the board's flag kept, the board's votes voided).

    Raises PermissionDenied when the user may not edit the issue or it is locked, ValueError when an
    id is not among the current proposals (forged, unpublished, private or already present).
    """
    refusal = issue_edit_refusal(issue, user)
    if refusal:
        raise PermissionDenied(refusal)
    draft = issue.get_latest_revision_as_object()
    by_id = {proposal.page.pk: proposal for proposal in issue_proposals(draft)}
    unknown = [page_id for page_id in page_ids if page_id not in by_id]
    if unknown or not page_ids:
        raise ValueError(f"Not among the proposals: {unknown}")
    new_items = [_linked_item(by_id[page_id]) for page_id in dict.fromkeys(page_ids)]
    # The prepared form gives every list item its {"type": "item", "value", "id"} shape.
    sections = draft.sections.get_prep_value()
    target = next((section for section in sections if section["type"] == PROPOSALS_SECTION), None)
    if target is None:
        sections.append({"type": PROPOSALS_SECTION, "value": {"heading": _("Actualités du centre"), "items": []}})
        target = sections[-1]
    target["value"]["items"] += [{"type": "item", "value": item, "id": str(uuid.uuid4())} for item in new_items]
    draft.sections = sections
    return page_revision_save(page=draft, user=user)
