"""The content of each document, read from the data at a date, in a bounded number of queries.

Only published actions count (drafts are not yet the centre's word). A programme's actions are
read in one query with their relations prefetched, whatever their number.
"""

import datetime
from collections import Counter, defaultdict
from html import unescape
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.utils.html import strip_tags
from wagtail.models import Site

from config.time_zone import PARIS
from legal.selectors import legal_facts_for
from newsletters.models import NewsletterIssuePage
from publications.models import (
    ActionOrganisation,
    ActionPage,
    ActionPerson,
    ActionSession,
    Organisation,
    PodcastEpisodePage,
    ProgrammePage,
    PublicationPage,
    TerritoryKind,
)
from publications.models.actions import ActionStatus, OrganisationRole
from reports import attendance
from reports.documents import (
    ActionEntry,
    ActivityReport,
    AxisSection,
    Centre,
    Count,
    FunderSection,
    FundingLine,
    IndicatorLine,
    ProgrammeBooklet,
    ProgressLine,
    ProgressReview,
)
from sending.models import Send, SendStatus
from subscribers.models import Subscription, SubscriptionStatus

STATUS_LABELS = dict(ActionStatus.choices)

# Labels of the activity report's headline figures, which tests and the admin page read by name.
FIGURE_ACTIONS = "Actions menées"
FIGURE_SESSIONS = "Séances tenues"
FIGURE_PARTICIPANTS = "Participant·e·s"
FIGURE_PUBLICATIONS = "Publications parues"
FIGURE_ISSUES = "Numéros de lettre envoyés"
FIGURE_SUBSCRIBERS = "Abonné·e·s en fin de période"
FIGURE_EPISODES = "Épisodes de podcast diffusés"
NOT_GIVEN = attendance.NOT_GIVEN


def _image_bytes(image: Any) -> bytes:
    if image is None:
        return b""
    try:
        with image.file.open("rb") as handle:
            return handle.read()
    except OSError:
        # A logo whose file is gone leaves the document without one rather than without a file.
        return b""


def _centre(*, site: Site | None, organisation: Organisation | None = None) -> Centre:
    """Who signs the document: the programme's centre when it names one, else the site's settings.

    The name is the centre's, else the publisher of « Informations légales », else the site's; the
    logo the centre's own, else the one of the site's identity (the logo of its header).
    """
    facts = legal_facts_for(site=site)
    name = organisation.name if organisation is not None else ""
    own_logo = organisation.logo if organisation is not None and organisation.logo_id else None
    return Centre(
        name=name or facts.publisher,
        logo=_image_bytes(own_logo or (facts.identity.logo if facts.identity.logo_id else None)),
    )


def _programme_centre(programme: ProgrammePage) -> Centre:
    return _centre(site=programme.get_site() or _default_site(), organisation=programme.centre)


def _default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).first()


def _programme_actions(programme: ProgrammePage) -> QuerySet:
    return (
        ActionPage.objects.child_of(programme)
        .live()
        .select_related("format", "cycle", "continues")
        .prefetch_related(
            Prefetch("sessions", queryset=ActionSession.objects.order_by("starts_at")),
            Prefetch("people", queryset=ActionPerson.objects.select_related("person")),
            Prefetch("organisations", queryset=ActionOrganisation.objects.select_related("organisation")),
            "fundings__funder",
            "progress_notes",
            "indicators",
            "other_axes",
        )
        .order_by("path")
    )


def _session_label(session: ActionSession) -> str:
    local = session.starts_at.astimezone(PARIS)
    place = session.venue or (session.town.name if session.town_id and session.town else "")
    if session.is_online and not place:
        place = "visioconférence"
    label = f"{local:%d/%m/%Y}, {local:%H}h{local:%M}"
    if place:
        label += f", {place}"
    if session.cancelled:
        label += " (annulée)"
    return label


def _funding_line(item: Any) -> FundingLine:
    return FundingLine(
        funder=item.funder.name,
        kind=str(item.get_kind_display()),
        year=item.year,
        amount=item.amount,
        note=item.note,
    )


def _indicator_line(indicator: Any, at: datetime.date) -> IndicatorLine:
    reading = indicator.value_at(at)
    return IndicatorLine(
        name=indicator.name,
        value=reading[1] if reading else None,
        value_date=reading[0] if reading else None,
        target=indicator.target,
        projection=indicator.projection,
        projection_note=indicator.projection_note,
    )


def _status_at(action: ActionPage, notes: list[Any], at: datetime.date) -> str:
    """The status of the latest progress note on or before ``at``; the action's own status without notes."""
    known = [note for note in notes if note.date <= at]
    return str(STATUS_LABELS.get(known[-1].status if known else action.status, ""))


def _action_entry(action: ActionPage, at: datetime.date) -> ActionEntry:
    notes = sorted(action.progress_notes.all(), key=lambda note: (note.date, note.sort_order or 0))
    organisations = list(action.organisations.all())
    return ActionEntry(
        pk=action.pk,
        title=action.title,
        format=action.format.name,
        status=_status_at(action, notes, at),
        dates=[_session_label(session) for session in action.sessions.all()],
        tentative_period=action.tentative_period,
        animators=[
            f"{item.person.first_name} {item.person.last_name} ({item.get_role_display().lower()})"
            for item in action.people.all()
        ],
        partners=[item.organisation.name for item in organisations if item.role != OrganisationRole.FUNDER],
        fundings=[_funding_line(item) for item in action.fundings.all()],
        funding_note=action.funding_note,
        highlighted=action.highlighted,
        cycle=action.cycle.title if action.cycle else "",
        continues=action.continues.title if action.continues else "",
        findings=action.findings,
        objectives=action.objectives,
        planned_work=action.planned_work,
        progress=[
            ProgressLine(date=note.date, status=str(STATUS_LABELS.get(note.status, "")), text=note.text)
            for note in notes
            if note.date <= at
        ],
        indicators=[_indicator_line(indicator, at) for indicator in action.indicators.all()],
    )


def _axes_tree(
    programme: ProgrammePage, entries: list[tuple[ActionPage, ActionEntry]]
) -> tuple[list[AxisSection], list[ActionEntry]]:
    """Axes in order with their sub-axes and actions (an action also under its other axes), and the rest."""
    axes = list(programme.axes.all())
    by_axis: dict[int, list[ActionEntry]] = defaultdict(list)
    placed: set[int] = set()
    known = {axis.pk for axis in axes}
    for action, entry in entries:
        for axis_id in [action.axis_id, *(axis.pk for axis in action.other_axes.all())]:
            if axis_id in known:
                by_axis[axis_id].append(entry)
                placed.add(action.pk)
    top = [axis for axis in axes if axis.parent_id is None or axis.parent_id not in known]
    sections = []
    for number, axis in enumerate(top, start=1):
        subs = [sub for sub in axes if sub.parent_id == axis.pk]
        sections.append(
            AxisSection(
                number=str(number),
                title=axis.title,
                question=axis.question,
                stance=axis.stance,
                actions=by_axis.get(axis.pk, []),
                sub_axes=[
                    AxisSection(
                        number=f"{number}.{position}",
                        title=sub.title,
                        question=sub.question,
                        stance=sub.stance,
                        actions=by_axis.get(sub.pk, []),
                    )
                    for position, sub in enumerate(subs, start=1)
                ],
            )
        )
    loose = [entry for action, entry in entries if action.pk not in placed]
    return sections, loose


def _paragraphs(html: str) -> list[str]:
    # Rich text keeps its entities (« l&#x27;équipe ») once the tags are gone: the documents want the characters.
    parts = [unescape(strip_tags(part)).strip() for part in html.replace("</p>", "</p>\n").split("\n")]
    return [part for part in parts if part]


def programme_booklet(*, programme: ProgrammePage, at: datetime.date) -> ProgrammeBooklet:
    """The yearly booklet (seeds 000, 002, 004): introduction, axes and sub-axes, actions, publications."""
    actions = list(_programme_actions(programme))
    entries = [(action, _action_entry(action, at)) for action in actions]
    axes, loose = _axes_tree(programme, entries)
    cycles = [
        (cycle.title, [entry.title for action, entry in entries if action.cycle_id == cycle.pk])
        for cycle in programme.cycles.all()
    ]
    publications = (
        PublicationPage.objects.live()
        .filter(publication_date__year=programme.year, publication_date__lte=at)
        .select_related("collection")
        .order_by("publication_date", "title")
    )
    return ProgrammeBooklet(
        centre=_programme_centre(programme),
        title=programme.title,
        year=programme.year,
        at=at,
        introduction=_paragraphs(programme.introduction),
        axes=axes,
        other_actions=loose,
        cycles=cycles,
        publications=[
            f"{item.collection.name} — {item.title} ({item.publication_date:%d/%m/%Y})" for item in publications
        ],
    )


def progress_review(*, programme: ProgrammePage, at: datetime.date) -> ProgressReview:
    """The board's review at a date (seed 003): per axis, each action's four columns and indicators."""
    actions = list(_programme_actions(programme))
    axes, loose = _axes_tree(programme, [(action, _action_entry(action, at)) for action in actions])
    return ProgressReview(
        centre=_programme_centre(programme),
        title=f"Point d'avancement au {at:%d/%m/%Y}",
        programme_title=programme.title,
        at=at,
        axes=axes,
        other_actions=loose,
    )


def _counts(counter: Counter[str]) -> list[Count]:
    return [Count(label=label, value=value) for label, value in sorted(counter.items(), key=lambda i: (-i[1], i[0]))]


def _bounds(start: datetime.date, end: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """From the start of ``start`` to the end of ``end``, Paris time."""
    first = datetime.datetime.combine(start, datetime.time.min, tzinfo=PARIS)
    last = datetime.datetime.combine(end + datetime.timedelta(days=1), datetime.time.min, tzinfo=PARIS)
    return first, last


def activity_report(*, start: datetime.date, end: datetime.date) -> ActivityReport:
    """The funders' report of a period: what was done, for whom, where, and what each funder paid for."""
    first, last = _bounds(start, end)
    held = ActionSession.objects.filter(starts_at__gte=first, starts_at__lt=last, cancelled=False, page__live=True)
    actions = list(
        ActionPage.objects.filter(pk__in=held.values("page_id"))
        .select_related("format", "axis")
        .prefetch_related("territories", "fundings__funder", Prefetch("sessions", queryset=held.select_related("town")))
        .order_by("title", "pk")
    )
    participation = attendance.participation_of(actions=actions, start=first, end=last)
    per_action, by_role, by_territory = participation.per_action, participation.by_role, participation.by_territory
    by_format: Counter[str] = Counter()
    by_axis: Counter[str] = Counter()
    reached: dict[str, set[str]] = defaultdict(set)
    funders: dict[str, list[tuple[str, FundingLine]]] = defaultdict(list)
    for action in actions:
        by_format[action.format.name] += per_action[action.pk]
        by_axis[action.axis.title if action.axis else "Hors axe"] += per_action[action.pk]
        places = [*action.territories.all(), *(s.town for s in action.sessions.all() if s.town is not None)]
        for territory in places:
            reached[territory.kind].add(territory.name)
        for item in action.fundings.all():
            funders[item.funder.name].append((action.title, _funding_line(item)))
    kinds = dict(TerritoryKind.choices)
    publications = (
        PublicationPage.objects.live()
        .filter(publication_date__gte=start, publication_date__lte=end)
        .select_related("collection")
        .order_by("publication_date", "title")
    )
    figures = [
        Count(FIGURE_ACTIONS, len(actions)),
        Count(FIGURE_SESSIONS, sum(len(action.sessions.all()) for action in actions)),
        Count(FIGURE_PARTICIPANTS, sum(per_action.values())),
        Count(FIGURE_PUBLICATIONS, len(publications)),
        Count(FIGURE_ISSUES, _issues_sent(first, last)),
        Count(FIGURE_SUBSCRIBERS, _subscribers_at(last)),
        Count(FIGURE_EPISODES, _episodes(start, end)),
    ]
    return ActivityReport(
        centre=_centre(site=_default_site()),
        start=start,
        end=end,
        figures=figures,
        participants_by_role=_counts(by_role),
        participants_by_territory=_counts(by_territory),
        participants_by_format=_counts(by_format),
        participants_by_axis=_counts(by_axis),
        territories_reached=[
            Count(str(kinds[kind]), len(reached[kind])) for kind in TerritoryKind.values if reached.get(kind)
        ],
        territory_names={str(kinds[kind]): sorted(reached[kind]) for kind in TerritoryKind.values if reached.get(kind)},
        publications=[
            f"{item.collection.name} — {item.title} ({item.publication_date:%d/%m/%Y})" for item in publications
        ],
        funders=[FunderSection(funder=name, actions=lines) for name, lines in sorted(funders.items())],
    )


def _issues_sent(first: datetime.datetime, last: datetime.datetime) -> int:
    sent = Send.objects.filter(status=SendStatus.COMPLETED, finished_at__gte=first, finished_at__lt=last)
    return NewsletterIssuePage.objects.filter(pk__in=sent.values("issue_id")).count()


def _subscribers_at(moment: datetime.datetime) -> int:
    """People with a confirmed subscription at ``moment`` (confirmed before it, not unsubscribed by then)."""
    confirmed = Subscription.objects.filter(confirmed_at__lt=moment).exclude(unsubscribed_at__lt=moment)
    confirmed = confirmed.filter(status__in=[SubscriptionStatus.CONFIRMED, SubscriptionStatus.UNSUBSCRIBED])
    return confirmed.values("subscriber_id").distinct().count()


def _episodes(start: datetime.date, end: datetime.date) -> int:
    return PodcastEpisodePage.objects.live().filter(release_date__gte=start, release_date__lte=end).count()
