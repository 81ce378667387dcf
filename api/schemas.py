"""Typed shapes of what the read API returns (the OpenAPI schema is generated from them)."""

import datetime
from typing import Any, Generic, TypeVar

from ninja import Field, Schema
from wagtail.models import Page

from centres.selectors import centre_for_page
from config.public_url import absolute_url, site_address
from feeds.podcast import podcast_feed_url
from publications.visibility import page_is_visible, pages_visible
from registrations.selectors import participant_counts_public, session_registration_public


def page_url(page: Page, context: dict[str, Any] | None) -> str:
    request = (context or {}).get("request")
    return page.get_url(request) or ""


T = TypeVar("T")


class Paged(Schema, Generic[T]):
    """A page of a list: ``count`` items match, ``results`` holds ``limit`` of them from ``offset``."""

    count: int
    limit: int
    offset: int
    results: list[T]


# Snippets


class NamedOut(Schema):
    id: int
    name: str
    slug: str


class ThemeOut(NamedOut):
    description: str


class FormatOut(NamedOut):
    description: str


class TerritoryOut(Schema):
    id: int
    name: str
    kind: str
    code: str
    parent_id: int | None


class OrganisationOut(Schema):
    id: int
    name: str
    acronym: str
    kind: str
    kind_label: str
    website: str
    territory_id: int | None

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(obj.get_kind_display())


class PersonOut(Schema):
    id: int
    first_name: str
    last_name: str
    position: str
    organisation_id: int | None
    organisation_name: str

    @staticmethod
    def resolve_organisation_name(obj: Any) -> str:
        return obj.organisation.name if obj.organisation else ""


class ListOut(Schema):
    id: int
    name: str
    slug: str
    frequency: str
    description: str


# Media


class ImageOut(Schema):
    id: int
    title: str
    alt: str
    width: int
    height: int
    url: str

    @staticmethod
    def resolve_alt(obj: Any) -> str:
        return obj.alt_text

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return absolute_url(obj.file.url)


class DocumentOut(Schema):
    id: int
    title: str
    label: str
    url: str
    file_extension: str
    file_size: int | None

    @staticmethod
    def resolve_id(obj: Any) -> int:
        return obj.document.pk

    @staticmethod
    def resolve_title(obj: Any) -> str:
        return obj.document.title

    @staticmethod
    def resolve_label(obj: Any) -> str:
        return obj.label or obj.document.title

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return absolute_url(obj.document.url)

    @staticmethod
    def resolve_file_extension(obj: Any) -> str:
        return obj.document.file_extension

    @staticmethod
    def resolve_file_size(obj: Any) -> int | None:
        return obj.document.file_size


class AudioOut(Schema):
    id: int
    title: str
    url: str
    duration: float | None
    file_size: int | None
    mime_type: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return absolute_url(obj.file.url)


# People and organisations with their role on a page


class PersonRoleOut(Schema):
    role: str
    role_label: str
    person: PersonOut

    @staticmethod
    def resolve_role_label(obj: Any) -> str:
        display = getattr(obj, "get_role_display", None)
        return str(display()) if display else str(obj.role)


class OrganisationRoleOut(Schema):
    role: str
    role_label: str
    organisation: OrganisationOut

    @staticmethod
    def resolve_role_label(obj: Any) -> str:
        return str(obj.get_role_display())


# Pages


class OwnerOut(Schema):
    """The centre whose site holds a page: the API lists every centre's pages."""

    slug: str
    name: str
    acronym: str
    site_url: str = Field(description="L'adresse du site du centre, où ses pages sont publiées.")

    @staticmethod
    def resolve_site_url(obj: Any) -> str:
        return site_address(obj.site) if obj.site else ""


class PageOut(Schema):
    id: int
    title: str
    slug: str
    url: str
    # Not ``centre``: a programme's ``centre`` was already its organisation in the directory.
    owner: OwnerOut | None = Field(
        description="Le centre dont le site publie la page (`?centre=` filtre sur son identifiant) ; "
        "null pour une page du site du réseau."
    )
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None

    @staticmethod
    def resolve_url(obj: Any, context: dict[str, Any]) -> str:
        return page_url(obj, context)

    @staticmethod
    def resolve_owner(obj: Any, context: dict[str, Any]) -> Any:
        return centre_for_page(obj, request=(context or {}).get("request"))


class PageRef(Schema):
    id: int
    title: str


class SessionRegistrationOut(Schema):
    """Registrations taken on the site for a session: its state and seats (never who registered)."""

    state: str  # ouvertes, liste_attente, complet, closes, a_venir
    label: str
    seats: int | None
    seats_left: int | None


class SessionOut(Schema):
    uid: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    attendance_mode: str
    venue: str
    address: str
    town: TerritoryOut | None
    online_url: str
    accessibility_notes: str
    cancelled: bool
    registration: SessionRegistrationOut | None

    @staticmethod
    def resolve_uid(obj: Any) -> str:
        return str(obj.uid)

    @staticmethod
    def resolve_registration(obj: Any) -> dict | None:
        return session_registration_public(obj)

    @staticmethod
    def resolve_online_url(obj: Any) -> str:
        return obj.connection_link


class ActionOut(PageOut):
    summary: str
    format: FormatOut
    status: str
    status_label: str
    tentative_period: str
    themes: list[ThemeOut]
    territories: list[TerritoryOut]
    sessions: list[SessionOut]
    registration_open: bool
    registration_url: str

    @staticmethod
    def resolve_status_label(obj: Any) -> str:
        return str(obj.get_status_display())


class CountLineOut(Schema):
    code: str
    label: str
    count: int


class ParticipantCountsOut(Schema):
    total: int
    by_role: list[CountLineOut]
    by_territory: list[CountLineOut]


class SessionParticipantsOut(ParticipantCountsOut):
    uid: str


class AttendanceOut(ParticipantCountsOut):
    """People ticked present at the action's sessions, by role and territory (aggregates only)."""

    sessions: list[SessionParticipantsOut]


class ProgressNoteOut(Schema):
    date: datetime.date
    status: str
    text: str


def visible_ref(page: Page | None) -> Page | None:
    """A linked page is named only while the public may read it."""
    return page if page_is_visible(page) else None


class DeliverableOut(Schema):
    label: str
    url: str
    publication: PageRef | None

    @staticmethod
    def resolve_label(obj: Any) -> str:
        return obj.title or (obj.publication.title if visible_ref(obj.publication) else "")

    @staticmethod
    def resolve_publication(obj: Any) -> Page | None:
        return visible_ref(obj.publication)


class AxisOut(Schema):
    id: int
    title: str
    parent_id: int | None
    question: str
    stance: str


class AxisRefOut(Schema):
    id: int
    title: str


class CycleOut(Schema):
    id: int
    title: str
    description: str


class FundingOut(Schema):
    funder: OrganisationOut
    kind: str
    kind_label: str
    year: int | None
    amount: float | None
    note: str

    @staticmethod
    def resolve_kind_label(obj: Any) -> str:
        return str(obj.get_kind_display())

    @staticmethod
    def resolve_amount(obj: Any) -> float | None:
        return None if obj.amount is None else float(obj.amount)


class IndicatorValueOut(Schema):
    date: datetime.date
    value: int
    note: str


class IndicatorOut(Schema):
    name: str
    target: int | None
    values: list[IndicatorValueOut]
    projection: int | None
    projection_note: str

    @staticmethod
    def resolve_values(obj: Any) -> list[dict[str, Any]]:
        return [{"date": day, "value": value, "note": note} for day, value, note in obj.readings()]


class ActionDetailOut(ActionOut):
    body: list[dict[str, Any]]
    axis: AxisOut | None
    other_axes: list[AxisRefOut]
    cycle: CycleOut | None
    highlighted: bool
    findings: str
    objectives: str
    planned_work: str
    fundings: list[FundingOut]
    indicators: list[IndicatorOut]
    audiences: list[NamedOut]
    people: list[PersonRoleOut]
    organisations: list[OrganisationRoleOut]
    funding_note: str
    progress_notes: list[ProgressNoteOut]
    participants_count: int | None
    participants_target: int | None
    attendance: AttendanceOut | None
    deliverables: list[DeliverableOut]
    continues: PageRef | None
    image: ImageOut | None

    @staticmethod
    def resolve_attendance(obj: Any) -> dict | None:
        return participant_counts_public(obj)

    @staticmethod
    def resolve_body(obj: Any) -> list[dict[str, Any]]:
        return stream_representation(obj.body)

    @staticmethod
    def resolve_continues(obj: Any) -> Page | None:
        return visible_ref(obj.continues)

    @staticmethod
    def resolve_other_axes(obj: Any) -> list[Any]:
        return list(obj.other_axes.all())


class ProgrammeOut(PageOut):
    year: int
    centre: OrganisationOut | None


class ProgressPointOut(Schema):
    date: datetime.date
    title: str
    summary: str

    @staticmethod
    def resolve_summary(obj: Any) -> str:
        return rich_text(obj.summary)


class ProgrammeDetailOut(ProgrammeOut):
    introduction: str
    axes: list[AxisOut]
    cycles: list[CycleOut]
    progress_points: list[ProgressPointOut]

    @staticmethod
    def resolve_introduction(obj: Any) -> str:
        return rich_text(obj.introduction)


class PublicationOut(PageOut):
    summary: str
    collection: NamedOut
    number: str
    publication_date: datetime.date
    cover: ImageOut | None
    themes: list[ThemeOut]
    territories: list[TerritoryOut]
    documents: list[DocumentOut]


class AuthorOut(PersonRoleOut):
    pass


class PublicationDetailOut(PublicationOut):
    abstract: str
    authors: list[AuthorOut]
    co_publishers: list[OrganisationOut]
    related_actions: list[PageRef]

    @staticmethod
    def resolve_abstract(obj: Any) -> str:
        return rich_text(obj.abstract)

    @staticmethod
    def resolve_related_actions(obj: Any) -> list[Page]:
        return list(pages_visible(obj.related_actions.all()))


class SeriesOut(PageOut):
    summary: str
    cover: ImageOut | None
    category: str
    explicit: bool
    guid: str
    producer: OrganisationOut | None
    feed_url: str
    apple_podcasts_url: str
    spotify_url: str

    @staticmethod
    def resolve_guid(obj: Any) -> str:
        return str(obj.guid)

    @staticmethod
    def resolve_feed_url(obj: Any, context: dict[str, Any]) -> str:
        owner = centre_for_page(obj, request=(context or {}).get("request"))
        return podcast_feed_url(obj, site=owner.site if owner else None)


class SeriesDetailOut(SeriesOut):
    description: str
    committee: list[PersonRoleOut]

    @staticmethod
    def resolve_description(obj: Any) -> str:
        return rich_text(obj.description)


class SeasonOut(PageOut):
    number: int
    series: PageRef | None


class ChapterOut(Schema):
    start: float
    title: str

    @staticmethod
    def resolve_start(obj: Any) -> float:
        return obj.start.total_seconds()


class EpisodeOut(PageOut):
    summary: str
    episode_number: int | None
    episode_type: str
    release_date: datetime.date
    audio: AudioOut | None
    guid: str
    themes: list[ThemeOut]
    territories: list[TerritoryOut]

    @staticmethod
    def resolve_guid(obj: Any) -> str:
        return str(obj.guid)


class EpisodeDetailOut(EpisodeOut):
    show_notes: str
    people: list[PersonRoleOut]
    chapters: list[ChapterOut]
    co_producer: OrganisationOut | None
    place: str
    transcript: str

    @staticmethod
    def resolve_show_notes(obj: Any) -> str:
        return rich_text(obj.show_notes)


class ExperienceOut(PageOut):
    summary: str
    town: TerritoryOut
    period: str
    themes: list[ThemeOut]
    territories: list[TerritoryOut]


class ExperienceDetailOut(ExperienceOut):
    context: str
    objectives: str
    actors: str
    description: str
    results: str
    organisations: list[OrganisationOut]
    contact_name: str
    contact_role: str
    contact_email: str
    contact_phone: str

    @staticmethod
    def resolve_context(obj: Any) -> str:
        return rich_text(obj.context)

    @staticmethod
    def resolve_objectives(obj: Any) -> str:
        return rich_text(obj.objectives)

    @staticmethod
    def resolve_actors(obj: Any) -> str:
        return rich_text(obj.actors)

    @staticmethod
    def resolve_description(obj: Any) -> str:
        return rich_text(obj.description)

    @staticmethod
    def resolve_results(obj: Any) -> str:
        return rich_text(obj.results)


class NewsletterIssueOut(PageOut):
    newsletter_list: ListOut
    number: int
    issue_date: datetime.date
    preheader: str


class NewsletterIssueDetailOut(NewsletterIssueOut):
    sections: list[dict[str, Any]]

    @staticmethod
    def resolve_sections(obj: Any) -> list[dict[str, Any]]:
        return stream_representation(obj.sections)


class PreviewOut(Schema):
    type: str
    id: int | None
    title: str
    revision_id: int
    data: dict[str, Any]


def rich_text(value: str) -> str:
    """Rich text with internal links and embeds expanded to real HTML."""
    from wagtail.rich_text import expand_db_html

    return expand_db_html(value or "")


def stream_representation(value: Any) -> list[dict[str, Any]]:
    """A StreamField as Wagtail's API gives it: [{"type", "value", "id"}…]."""
    return list(value.stream_block.get_api_representation(value)) if value is not None else []
