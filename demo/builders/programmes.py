"""Programmes with their axes, progress points and actions."""

from typing import Any

from django.utils.text import Truncator

from centres.models import Centre
from demo.builders.common import (
    Lookup,
    a_date,
    a_year,
    demo_today,
    local_datetime,
    ordered,
    page_ensure,
    paragraphs_html,
    slug_for,
)
from publications.models import (
    ActionDeliverable,
    ActionFormat,
    ActionFunding,
    ActionIndicator,
    ActionOrganisation,
    ActionPage,
    ActionPerson,
    ActionProgressNote,
    ActionSession,
    Audience,
    Organisation,
    Person,
    ProgrammeAxis,
    ProgrammeCycle,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeProgressPoint,
    PublicationPage,
    Territory,
    Theme,
)


class Refs:
    """Every managed list the programme data refers to, looked up by name, and the day relative dates count from."""

    def __init__(self) -> None:
        self.today = demo_today()
        self.format = Lookup(ActionFormat)
        self.theme = Lookup(Theme)
        self.audience = Lookup(Audience)
        self.territory = Lookup(Territory, key=lambda t: t.name)
        self.organisation = Lookup(Organisation, key=lambda o: o.name)
        self.person = Lookup(Person, key=lambda p: f"{p.first_name} {p.last_name}")
        self.centre = Lookup(Centre, key=lambda c: c.name)


def _programme(index: ProgrammeIndexPage, row: dict[str, Any], refs: Refs) -> ProgrammePage:
    centre = refs.organisation(row["centre"])
    year = a_year(row["year"], today=refs.today)
    title = row["title"].replace("{year}", str(year))
    page = ProgrammePage(
        title=title,
        # A programme of a relative year names its slug, so that a load in another year finds it.
        slug=row.get("slug") or slug_for(f"{title} {centre.acronym or centre.name}"),
        centre=centre,
        year=year,
        introduction=paragraphs_html(row.get("introduction")),
    )

    def children(programme: ProgrammePage) -> None:
        programme.axes.set(
            [
                ProgrammeAxis(
                    sort_order=order,
                    title=axis["title"],
                    question=axis.get("question", ""),
                    stance=axis.get("stance", ""),
                )
                for order, axis in enumerate(row["axes"])
            ]
        )
        programme.cycles.set(
            ordered(
                [ProgrammeCycle(title=c["title"], description=c.get("description", "")) for c in row.get("cycles", [])]
            )
        )
        programme.progress_points.set(
            ordered(
                [
                    ProgrammeProgressPoint(
                        date=a_date(point["date"], today=refs.today),
                        title=point["title"],
                        summary=paragraphs_html(point.get("summary")),
                    )
                    for point in row.get("progress_points", [])
                ]
            )
        )

    programme, created = page_ensure(index, page, children=children)
    if created:
        _sub_axes_link(programme, row)
    return programme


def _sub_axes_link(programme: ProgrammePage, row: dict[str, Any]) -> None:
    """A sub-axis names its axis by title, once the axes have ids."""
    axes = {axis.title: axis for axis in programme.axes.all()}
    subs = [spec for spec in row["axes"] if spec.get("parent")]
    for spec in subs:
        ProgrammeAxis.objects.filter(pk=axes[spec["title"]].pk).update(parent=axes[spec["parent"]])
    if subs:
        # The published revision must hold the links too, or a later publish would drop them.
        ProgrammePage.objects.get(pk=programme.pk).save_revision().publish()


def _sessions(row: dict[str, Any], refs: Refs) -> list[ActionSession]:
    sessions = []
    for spec in row.get("sessions", []):
        session = ActionSession(
            starts_at=local_datetime(spec["start"], today=refs.today),
            ends_at=local_datetime(spec["end"], today=refs.today),
            attendance_mode=spec.get("mode", "in_person"),
            venue=spec.get("venue", ""),
            address=spec.get("address", ""),
            town=refs.territory(spec["town"]) if spec.get("town") else None,
            online_url=spec.get("online_url", ""),
            accessibility_notes=spec.get("accessibility", ""),
            cancelled=bool(spec.get("cancelled")),
        )
        session.full_clean(exclude=["page"])
        sessions.append(session)
    return sessions


def _indicators(row: dict[str, Any], refs: Refs) -> list[ActionIndicator]:
    return [
        ActionIndicator(
            name=spec["name"],
            target=spec.get("target"),
            values=[
                ("value", {"date": a_date(v["date"], today=refs.today), "value": v["value"], "note": v.get("note", "")})
                for v in spec.get("values", [])
            ],
            projection=spec.get("projection"),
            projection_note=spec.get("projection_note", ""),
        )
        for spec in row.get("indicators", [])
    ]


def _fundings(row: dict[str, Any], refs: Refs) -> list[ActionFunding]:
    return [
        ActionFunding(
            funder=refs.organisation(spec["funder"]),
            kind=spec["kind"],
            year=spec.get("year"),
            amount=spec.get("amount"),
            note=spec.get("note", ""),
        )
        for spec in row.get("fundings", [])
    ]


def _action(programme: ProgrammePage, row: dict[str, Any], refs: Refs) -> ActionPage:
    axes = {axis.title: axis for axis in programme.axes.all()}
    cycles = {cycle.title: cycle for cycle in programme.cycles.all()}
    description = row.get("description") or []
    page = ActionPage(
        title=row["title"],
        slug=slug_for(row["title"]),
        format=refs.format(row["format"]),
        axis=axes.get(row.get("axis", "")),
        cycle=cycles.get(row.get("cycle", "")),
        highlighted=bool(row.get("highlighted")),
        findings=row.get("findings", ""),
        objectives=row.get("objectives", ""),
        planned_work=row.get("planned_work", ""),
        summary=Truncator(row.get("summary", "")).chars(600),
        body=[("paragraph", paragraphs_html([p])) for p in description],
        tentative_period=row.get("tentative_period", ""),
        status=row.get("status", "programmee"),
        participants_count=row.get("participants_count"),
        participants_target=row.get("participants_target"),
        funding_note=row.get("funding_note", ""),
        registration_open=bool(row.get("registration_open")),
        registration_url=row.get("registration_url", ""),
    )
    page.themes = refs.theme.many(row.get("themes"))
    page.territories = refs.territory.many(row.get("territories"))
    page.audiences = refs.audience.many(row.get("audiences"))
    page.other_axes = [axes[title] for title in row.get("other_axes", [])]
    page.co_organisers = refs.centre.many(row.get("co_organisers"))

    def children(action: ActionPage) -> None:
        action.sessions.set(ordered(_sessions(row, refs)))
        action.people.set(
            ordered([ActionPerson(person=refs.person(p["person"]), role=p["role"]) for p in row.get("people", [])])
        )
        action.organisations.set(
            ordered(
                [
                    ActionOrganisation(organisation=refs.organisation(o["organisation"]), role=o["role"])
                    for o in row.get("organisations", [])
                ]
            )
        )
        action.progress_notes.set(
            ordered(
                [
                    ActionProgressNote(date=a_date(n["date"], today=refs.today), status=n["status"], text=n["text"])
                    for n in row.get("progress_notes", [])
                ]
            )
        )
        action.deliverables.set(ordered([ActionDeliverable(title=d["title"]) for d in row.get("deliverables", [])]))
        action.fundings.set(ordered(_fundings(row, refs)))
        action.indicators.set(ordered(_indicators(row, refs)))

    action, _ = page_ensure(programme, page, children=children)
    return action


def programmes_load(index: ProgrammeIndexPage, rows: list[dict[str, Any]]) -> None:
    """One centre's programmes and their actions (an action continues one of the same centre)."""
    refs = Refs()
    actions: dict[str, ActionPage] = {}
    for row in sorted(rows, key=lambda r: a_year(r["year"], today=refs.today)):
        programme = _programme(index, row, refs)
        for action_row in row["actions"]:
            actions[action_row["title"]] = _action(programme, action_row, refs)
    # Links between actions need every action to exist first.
    for row in rows:
        for action_row in row["actions"]:
            previous = action_row.get("continues")
            action = actions[action_row["title"]]
            if previous and action.continues_id is None:
                action.continues = actions[previous]
                action.save_revision().publish()


def deliverables_link(data: dict[str, Any]) -> None:
    """Point deliverables at the publications they are, once publications exist."""
    publications = {page.title: page for page in PublicationPage.objects.all()}
    republish: set[int] = set()
    for row in data["programmes"]:
        for action_row in row["actions"]:
            for spec in action_row.get("deliverables", []):
                if not spec.get("publication"):
                    continue
                pending = ActionDeliverable.objects.filter(
                    page__title=action_row["title"], title=spec["title"], publication__isnull=True
                )
                republish.update(pending.values_list("page_id", flat=True))
                pending.update(publication=publications[spec["publication"]])
    for action in ActionPage.objects.filter(pk__in=republish):
        action.save_revision().publish()
