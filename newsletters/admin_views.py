"""Admin views of an issue: test send of its draft, and items of the site proposed for it."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from config.ratelimit import rate_limit_hit
from config.types import AuthenticatedHttpRequest
from newsletters.forms import ProposalsForm, TestSendForm
from newsletters.models import NewsletterIssuePage
from newsletters.proposals import issue_edit_refusal, issue_proposals, issue_proposals_accept, issue_proposals_since
from newsletters.tasks import issue_test_send
from outbox.services import task_enqueue


def _editable_issue(request: HttpRequest, page_id: int) -> NewsletterIssuePage:
    issue = get_object_or_404(NewsletterIssuePage, pk=page_id)
    if not issue.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return issue


def _posted(request: HttpRequest) -> QueryDict | None:
    """The POST data, even empty (an empty POST is a submission, `request.POST or None` would ignore it)."""
    return request.POST if request.method == "POST" else None


def _edit_url(issue: NewsletterIssuePage) -> str:
    return reverse("wagtailadmin_pages:edit", args=[issue.pk])


def _test_send_allowed(request: HttpRequest) -> bool:
    """Counted per user: each test send mails up to ten addresses of the user's choosing."""
    return rate_limit_hit(
        scope="test-send",
        value=str(request.user.pk),
        limit=settings.NEWSLETTER_TEST_SEND_RATE_LIMIT,
        window=settings.RATE_LIMIT_WINDOW,
    )


def test_send_view(request: AuthenticatedHttpRequest, page_id: int) -> HttpResponse:
    """Send the issue's latest revision (draft included) to up to ten addresses, through Celery."""
    issue = _editable_issue(request, page_id)
    revision = issue.latest_revision
    form = TestSendForm(_posted(request), initial={"addresses": request.user.email})
    status = 200
    if request.method == "POST" and revision is None:
        form.add_error(None, _("Enregistrez d'abord un brouillon de ce numéro."))
    elif request.method == "POST" and form.is_valid() and not _test_send_allowed(request):
        form.add_error(None, _("Trop d'envois de test lancés récemment : réessayez plus tard."))
        status = 429
    elif request.method == "POST" and form.is_valid():
        addresses = form.cleaned_data["addresses"]
        task_enqueue(task=issue_test_send, args=[revision.pk, addresses])
        messages.success(
            request,
            ngettext(
                "Envoi de test lancé vers %(addresses)s.",
                "Envoi de test lancé vers %(count)d adresses : %(addresses)s.",
                len(addresses),
            )
            % {"count": len(addresses), "addresses": ", ".join(addresses)},
        )
        return redirect(_edit_url(issue))
    elif request.method == "POST":
        messages.error(request, _("L'envoi de test n'est pas parti : corrigez les adresses."))
    return render(
        request,
        "newsletters/admin/test_send.html",
        {"issue": issue, "form": form, "edit_url": _edit_url(issue), "page_title": _("Envoyer un test")},
        status=status,
    )


def proposals_view(request: AuthenticatedHttpRequest, page_id: int) -> HttpResponse:
    """List what the site published since the previous issue; add the ticked items to the draft."""
    issue = _editable_issue(request, page_id)
    refusal = issue_edit_refusal(issue, request.user)
    if refusal:
        messages.error(request, refusal)
        return redirect(_edit_url(issue))
    draft = issue.get_latest_revision_as_object()
    proposals = issue_proposals(draft)
    choices = [(proposal.page.pk, proposal.page.title) for proposal in proposals]
    form = ProposalsForm(_posted(request), choices=choices)
    if request.method == "POST" and form.is_valid():
        page_ids = form.cleaned_data["pages"]
        try:
            issue_proposals_accept(issue=issue, page_ids=page_ids, user=request.user)
        except ValueError:
            form.add_error("pages", _("Les propositions ont changé entre-temps : vérifiez votre choix."))
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d contenu ajouté au brouillon du numéro.",
                    "%(count)d contenus ajoutés au brouillon du numéro.",
                    len(page_ids),
                )
                % {"count": len(page_ids)},
            )
            return redirect(_edit_url(issue))
    if request.method == "POST" and not form.is_valid():
        messages.error(request, _("Aucun contenu n'a été ajouté : corrigez votre choix."))
    return render(
        request,
        "newsletters/admin/proposals.html",
        {
            "issue": issue,
            "form": form,
            "proposals": proposals,
            "since": issue_proposals_since(draft),
            "edit_url": _edit_url(issue),
            "page_title": _("Proposer des contenus"),
        },
    )
