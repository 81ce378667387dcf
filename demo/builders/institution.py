"""The centres as institutions (demo/data/institution.yaml): governance, team, members, funders,
mandates elsewhere, information services, and each centre site's « Qui sommes-nous » page.

Loaded for the centres that exist, by slug; a kind of row a centre already holds is left as it is
(an administrator may have edited it), so loading again creates only what is missing.
"""

import datetime as dt
from collections.abc import Callable
from typing import Any

from wagtail.models import Orderable

from centres.funding import CentreFunder
from centres.governance import ExternalMandate, GovernanceMandate
from centres.information import InformationService, InformationServiceCount
from centres.models import Centre
from centres.staff import StaffMember
from demo.builders.common import a_date, ordered, page_ensure
from publications.models import AboutPage, HomePage, Organisation

ABOUT_INTRODUCTION = (
    "<p>Qui nous sommes, qui nous gouverne et nous finance, et comment nous informer : "
    "le centre de ressources en quelques faits.</p>"
)


def _date(value: str | dt.date | None) -> dt.date | None:
    return a_date(value) if value else None


def _governance(centre: Centre, row: dict[str, Any]) -> GovernanceMandate:
    return GovernanceMandate(
        centre=centre,
        body=row["body"],
        office=row["office"],
        person_name=row["person"],
        organisation=Organisation.objects.get(name=row["organisation"]) if row.get("organisation") else None,
        start_date=_date(row.get("start")),
        end_date=_date(row.get("end")),
        as_of=_date(row.get("as_of")),
    )


def _external(centre: Centre, row: dict[str, Any]) -> ExternalMandate:
    return ExternalMandate(
        centre=centre,
        body_name=row["body"],
        role=row["role"],
        person_name=row.get("person") or "",
        since=row.get("since"),
    )


def _staff(centre: Centre, row: dict[str, Any]) -> StaffMember:
    return StaffMember(centre=centre, name=row["name"], job_title=row["job_title"], email=row.get("email") or "")


def _funder(centre: Centre, row: dict[str, Any]) -> CentreFunder:
    return CentreFunder(
        centre=centre,
        organisation=Organisation.objects.get(name=row["organisation"]),
        year=row["year"],
        kind=row.get("kind") or CentreFunder._meta.get_field("kind").default,
        amount=row.get("amount"),
    )


def _service(centre: Centre, row: dict[str, Any]) -> InformationService:
    return InformationService(
        centre=centre,
        kind=row["kind"],
        name=row["name"],
        description=row.get("description") or "",
        access_terms=row.get("access_terms") or "",
        count_unit=row.get("count_unit") or "",
    )


_ROWS: dict[str, tuple[str, Callable[[Centre, dict[str, Any]], Orderable]]] = {
    "governance": ("governance_mandates", _governance),
    "external_mandates": ("external_mandates", _external),
    "staff": ("staff", _staff),
    "funders": ("funders", _funder),
    "information_services": ("information_services", _service),
}


def _rows_save(rows: list[Orderable]) -> None:
    for row in ordered(rows):
        row.full_clean(exclude=["centre"])
        row.save()


def institution_load(data: dict[str, dict[str, Any]]) -> None:
    """Each centre of the file that exists gets the kinds of rows it has none of yet."""
    for centre in Centre.objects.filter(slug__in=data):
        facts = data[centre.slug]
        for key, (relation, build) in _ROWS.items():
            if not facts.get(key) or getattr(centre, relation).exists():
                continue
            rows = [build(centre, row) for row in facts[key]]
            _rows_save(rows)
            if key == "information_services":
                for service, row in zip(rows, facts[key], strict=True):
                    counts = [
                        InformationServiceCount(service=service, year=year, count=count)
                        for year, count in (row.get("counts") or {}).items()
                    ]
                    for count in counts:
                        count.full_clean(exclude=["service"])
                    InformationServiceCount.objects.bulk_create(counts)


def about_page_ensure(home: HomePage, centre: Centre | None) -> AboutPage:
    """The « Qui sommes-nous » page under a centre site's home page, in its menu; made once."""
    name = centre.name if centre is not None else "Le réseau"
    page, _created = page_ensure(
        home,
        AboutPage(
            title="Qui sommes-nous",
            slug="qui-sommes-nous",
            show_in_menus=True,
            seo_title=f"Qui sommes-nous — {name}",
            introduction=ABOUT_INTRODUCTION,
        ),
    )
    return page
