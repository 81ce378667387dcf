"""Admin views of registrations beyond Wagtail's generic ones: the sessions and their attendance
(the tablet page at the door, the printable sheet), adding someone by hand, moving to another session.

Thin: each reads through the selectors and writes through the services, which hold the rules (the
seats, the locks); the views check the role's permission and turn refusals into French messages.
"""

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Site

from centres.selectors import user_pages
from publications.models import ActionSession
from registrations import selectors, services
from registrations.admin_forms import AttendanceTickForm, RegistrationByHandForm, RegistrationMoveForm
from registrations.attendance_sheet import attendance_sheet_pdf, session_when_where
from registrations.consent import consent_text
from registrations.models import Registration, RegistrationScope

SEARCH_MAX_LENGTH = 100


def _require(request: HttpRequest, codename: str) -> None:
    if not request.user.has_perm(f"registrations.{codename}"):
        raise PermissionDenied


def _managed_session(request: HttpRequest, session_id: int) -> ActionSession:
    """A session of an action taking registrations; another centre's is refused."""
    sessions = ActionSession.objects.select_related("page", "town").filter(page__registration_settings__isnull=False)
    session = get_object_or_404(sessions, pk=session_id)
    if not user_pages(request.user).filter(pk=session.page_id).exists():
        raise PermissionDenied
    return session


def registrations_list_url(**filters: Any) -> str:
    return f"{reverse('registrations_registration:index')}?{urlencode(filters)}"


@dataclass(frozen=True)
class SessionLink:
    label: str
    url: str


@dataclass(frozen=True)
class SessionRow:
    session: ActionSession
    figures: selectors.Figures
    links: list[SessionLink]

    @property
    def waiting(self) -> int:
        return self.figures.registered - self.figures.confirmed


def session_links(session: ActionSession, *, can_change: bool) -> list[SessionLink]:
    """The pages of one session in the sessions listing, those the role may open.

    A cycle's registrations and messages are the whole action's (its registrations name no session).
    """
    settings = session.page.registration_settings
    per_session = settings.scope == RegistrationScope.PER_SESSION
    target = (session.page_id, session.pk) if per_session else (session.page_id,)
    listing = {"action": session.page_id, "session": session.pk} if per_session else {"action": session.page_id}
    links = [SessionLink(_("Inscrit·e·s"), registrations_list_url(**listing))]
    if can_change:
        links.append(SessionLink(_("Émargement"), reverse("registrations_attendance:attendance", args=[session.pk])))
    links.append(
        SessionLink(_("Feuille d'émargement (PDF)"), reverse("registrations_attendance:sheet", args=[session.pk]))
    )
    if can_change:
        links += [
            SessionLink(_("Écrire aux inscrit·e·s"), reverse("registrations_session_message", args=target)),
            SessionLink(
                _("Ajouter"),
                f"{reverse('registrations_registration:add')}?{urlencode(listing)}",
            ),
        ]
    return links


def sessions_view(request: HttpRequest) -> HttpResponse:
    """Every session of the actions taking registrations, the next ones first, with their counts."""
    _require(request, "view_registration")
    now = timezone.now()
    sessions = ActionSession.objects.filter(
        page__registration_settings__isnull=False, page__in=user_pages(request.user)
    ).select_related("page__registration_settings", "town")
    can_change = request.user.has_perm("registrations.change_registration")
    upcoming = list(sessions.filter(ends_at__gte=now).order_by("starts_at"))
    past = list(sessions.filter(ends_at__lt=now).order_by("-starts_at")[:50])
    # The figures the reports read (a cycle's registrations count at each of its sessions).
    figures: dict[int, selectors.Figures] = {}
    for action in {session.page_id: session.page for session in upcoming + past}.values():
        participation = selectors.action_participation(action)
        for line in participation.sessions if participation else []:
            figures[line.session.pk] = line.participation.figures

    def rows(listed: list[ActionSession]) -> list[SessionRow]:
        return [
            SessionRow(
                session, figures.get(session.pk, selectors.Figures()), session_links(session, can_change=can_change)
            )
            for session in listed
        ]

    context = {"upcoming": rows(upcoming), "past": rows(past)}
    return TemplateResponse(request, "registrations/admin/sessions.html", context)


def attendance_view(request: HttpRequest, session_id: int) -> HttpResponse:
    """The page at the door: search a name, tick present or absent (plain POST forms, big buttons)."""
    _require(request, "change_registration")
    session = _managed_session(request, session_id)
    search = " ".join(request.GET.get("q", "").split())[:SEARCH_MAX_LENGTH]
    error = None
    if request.method == "POST":
        form = AttendanceTickForm(request.POST)
        registration = (
            selectors.session_registrations(session).filter(pk=form.cleaned_data["registration"]).first()
            if form.is_valid()
            else None
        )
        if registration is None:
            error = _("Cette personne n'a pas de place à cette séance : rechargez la page.")
        else:
            try:
                services.attendance_record(
                    registration=registration,
                    session=session,
                    attended=form.cleaned_data["attended"],
                    by=request.user,  # type: ignore[arg-type]
                )
            except services.RegistrationRefusedError as refusal:
                error = refusal.message
            else:
                query = f"?{urlencode({'q': search})}" if search else ""
                return redirect(f"{request.path}{query}#inscription-{registration.pk}")
    rows = selectors.attendance_sheet(session, search=search)
    ticked = [attended for _registration, attended in rows]
    context = {
        "session": session,
        "when_where": session_when_where(session),
        "rows": rows,
        "search": search,
        "error": error,
        "present": ticked.count(True),
        "absent": ticked.count(False),
        "opens_later": timezone.localdate(session.starts_at) > timezone.localdate(),
    }
    return TemplateResponse(request, "registrations/admin/attendance.html", context, status=400 if error else 200)


def attendance_sheet_view(request: HttpRequest, session_id: int) -> HttpResponse:
    """The printable sheet: everyone holding a seat, by name, a box to sign."""
    _require(request, "view_registration")
    session = _managed_session(request, session_id)
    registrations = [registration for registration, _attended in selectors.attendance_sheet(session)]
    site = Site.find_for_request(request)
    centre = site.site_name if site and site.site_name else _("Centre de ressources politique de la ville")
    pdf = attendance_sheet_pdf(session=session, registrations=registrations, centre=centre)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"emargement-{slugify(session.page.title)[:60]}-{timezone.localtime(session.starts_at):%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def registration_add_view(request: HttpRequest) -> HttpResponse:
    """Someone registered by the team, through the same service as the public form."""
    _require(request, "add_registration")
    form = RegistrationByHandForm(request.POST or None, initial=_add_initial(request))
    for name, lookup in (("action", "pk__in"), ("session", "page__in")):
        form.fields[name].queryset = form.fields[name].queryset.filter(**{lookup: user_pages(request.user)})  # type: ignore[attr-defined]
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            action = form.cleaned_data["action"]
            try:
                result = services.registration_create(
                    target=form.target,
                    applicant=form.applicant(),
                    # The controller is the action's site, whichever site the admin is reached through.
                    consent_text=consent_text(action, site=action.get_site()),
                    added_by_hand=form.cleaned_data["reason"],
                    waiting_if_full=form.cleaned_data["waiting_if_full"],
                )
            except services.RegistrationRefusedError as refusal:
                form.add_error(None, refusal.message)
            else:
                registration = result.registration
                if result.created:
                    messages.success(
                        request,
                        _("%(name)s est inscrit·e (%(status)s).")
                        % {"name": registration.name, "status": registration.get_status_display().lower()},
                    )
                else:
                    messages.warning(
                        request,
                        _("Cette adresse était déjà inscrite (%(status)s) : rien n'a changé.")
                        % {"status": registration.get_status_display().lower()},
                    )
                return redirect(registrations_list_url(action=registration.action_id))
    return TemplateResponse(request, "registrations/admin/add.html", {"form": form}, status=status)


def _add_initial(request: HttpRequest) -> dict[str, str]:
    """Action and session given in the address by the sessions page's links (checked again on POST)."""
    return {name: request.GET[name] for name in ("action", "session") if request.GET.get(name, "").isdigit()}


def registration_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, "change_registration")
    registration = get_object_or_404(Registration.objects.select_related("action", "session"), pk=pk)
    if not user_pages(request.user).filter(pk=registration.action_id).exists():
        raise PermissionDenied
    form = RegistrationMoveForm(request.POST or None, registration=registration)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.registration_move(
                    registration=registration,
                    session=form.cleaned_data["session"],
                    waiting_if_full=form.cleaned_data["waiting_if_full"],
                )
            except services.RegistrationRefusedError as refusal:
                form.add_error(None, refusal.message)
            else:
                messages.success(
                    request,
                    _("%(name)s passe à la séance choisie (%(status)s).")
                    % {"name": registration.name, "status": registration.get_status_display().lower()},
                )
                return redirect(registrations_list_url(action=registration.action_id))
    context = {"registration": registration, "form": form}
    return TemplateResponse(request, "registrations/admin/move.html", context, status=status)
