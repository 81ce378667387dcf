"""Typed shapes of the centres the API exposes: each centre's profile and its institution."""

import datetime
from typing import Any

from ninja import Schema

from api.schemas import OrganisationOut, TerritoryOut
from centres.selectors import members_individual_count, members_named


def _label(obj: Any, field: str) -> str:
    return str(getattr(obj, f"get_{field}_display")())


class CentreOut(Schema):
    id: int
    slug: str
    name: str
    acronym: str
    legal_form: str
    legal_form_label: str
    mission: str
    territory_served: str
    region: TerritoryOut | None
    site_url: str
    organisation_id: int | None

    @staticmethod
    def resolve_legal_form_label(obj: Any) -> str:
        return _label(obj, "legal_form")

    @staticmethod
    def resolve_site_url(obj: Any) -> str:
        return f"{obj.site.root_url}/" if obj.site_id else ""


class GovernanceMandateOut(Schema):
    body: str
    body_label: str
    office: str
    office_label: str
    person_name: str
    organisation: OrganisationOut | None
    start_date: datetime.date | None
    end_date: datetime.date | None
    as_of: datetime.date | None

    @staticmethod
    def resolve_body_label(obj: Any) -> str:
        return _label(obj, "body")

    @staticmethod
    def resolve_office_label(obj: Any) -> str:
        return _label(obj, "office")


class ExternalMandateOut(Schema):
    body_name: str
    role: str
    person_name: str
    since: int | None


class StaffMemberOut(Schema):
    name: str
    job_title: str
    email: str


class MemberOut(Schema):
    name: str
    category: str
    category_label: str
    member_since: int | None
    organisation_id: int | None

    @staticmethod
    def resolve_name(obj: Any) -> str:
        return str(obj.display_name)

    @staticmethod
    def resolve_category_label(obj: Any) -> str:
        return _label(obj, "category")


class CentreFunderOut(Schema):
    organisation: OrganisationOut
    year: int
    kind: str
    kind_label: str
    amount: float | None

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return _label(obj, "kind")

    @staticmethod
    def resolve_amount(obj: Any) -> float | None:
        return None if obj.amount is None else float(obj.amount)


class YearlyCountOut(Schema):
    year: int
    count: int


class InformationServiceOut(Schema):
    kind: str
    kind_label: str
    name: str
    description: str
    access_terms: str
    count_unit: str
    counts: list[YearlyCountOut]

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return _label(obj, "kind")

    @staticmethod
    def resolve_counts(obj: Any) -> list[Any]:
        return list(obj.counts.all())


class CentreDetailOut(CentreOut):
    """The profile with every mandate (past ones too, dated), the team, members, funders and services.

    Members who joined in their own name are only counted (``individual_member_count``).
    """

    governance: list[GovernanceMandateOut]
    external_mandates: list[ExternalMandateOut]
    staff: list[StaffMemberOut]
    members: list[MemberOut]
    individual_member_count: int
    funders: list[CentreFunderOut]
    information_services: list[InformationServiceOut]

    @staticmethod
    def resolve_governance(obj: Any) -> list[Any]:
        return list(obj.governance_mandates.all())

    @staticmethod
    def resolve_external_mandates(obj: Any) -> list[Any]:
        return list(obj.external_mandates.all())

    @staticmethod
    def resolve_staff(obj: Any) -> list[Any]:
        return list(obj.staff.all())

    @staticmethod
    def resolve_members(obj: Any) -> list[Any]:
        return members_named(obj)

    @staticmethod
    def resolve_individual_member_count(obj: Any) -> int:
        return members_individual_count(obj)

    @staticmethod
    def resolve_funders(obj: Any) -> list[Any]:
        return list(obj.funders.all())

    @staticmethod
    def resolve_information_services(obj: Any) -> list[Any]:
        return list(obj.information_services.all())
