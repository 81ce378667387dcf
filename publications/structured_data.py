"""schema.org descriptions (JSON-LD) of the public pages: events, podcasts and reports."""

from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags

from publications.models import ActionPage, ActionStatus, AttendanceMode, PodcastEpisodePage, PublicationPage
from publications.models.podcasts import PodcastSeasonPage, PodcastSeriesPage
from publications.selectors import PARIS

SCHEMA = "https://schema.org"

_ATTENDANCE_MODES = {
    AttendanceMode.IN_PERSON: f"{SCHEMA}/OfflineEventAttendanceMode",
    AttendanceMode.ONLINE: f"{SCHEMA}/OnlineEventAttendanceMode",
    AttendanceMode.MIXED: f"{SCHEMA}/MixedEventAttendanceMode",
}


def iso_duration(seconds: float) -> str:
    """An ISO 8601 duration (PT1H2M3S), as schema.org expects."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes else "") + f"{secs}S"


def _absolute(request: HttpRequest | None, url: str) -> str:
    return request.build_absolute_uri(url) if request is not None else url


def _people(links: Any) -> list[dict[str, Any]]:
    people = []
    for link in links:
        person: dict[str, Any] = {"@type": "Person", "name": link.person.full_name}
        if link.person.position:
            person["jobTitle"] = link.person.position
        people.append(person)
    return people


def _organisation(organisation: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": organisation.name}
    if organisation.website:
        data["url"] = organisation.website
    return data


def event_status(action: ActionPage, session: Any) -> str:
    if session.cancelled or action.status == ActionStatus.CANCELLED:
        return f"{SCHEMA}/EventCancelled"
    if action.status == ActionStatus.POSTPONED:
        return f"{SCHEMA}/EventPostponed"
    return f"{SCHEMA}/EventScheduled"


def _location(session: Any) -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = []
    if session.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.MIXED):
        address = ", ".join(part for part in (session.address, session.town.name if session.town else "") if part)
        places.append(
            {
                "@type": "Place",
                "name": session.venue or address or session.get_attendance_mode_display(),
                "address": address or session.venue,
            }
        )
    if session.is_online:
        virtual: dict[str, Any] = {"@type": "VirtualLocation"}
        if session.public_online_url:
            virtual["url"] = session.public_online_url
        places.append(virtual)
    return places


def action_events(action: ActionPage, details: dict[str, Any], request: HttpRequest | None) -> list[dict[str, Any]]:
    """One Event per session of the action; an action without dates gives none."""
    url = action.get_full_url(request)
    people = _people(details["people"])
    organizer = details["programme"].centre
    events = []
    for session in details["sessions"]:
        event: dict[str, Any] = {
            "@context": SCHEMA,
            "@type": "Event",
            "name": action.title,
            "url": url,
            "startDate": timezone.localtime(session.starts_at, PARIS).isoformat(),
            "endDate": timezone.localtime(session.ends_at, PARIS).isoformat(),
            "eventStatus": event_status(action, session),
            "eventAttendanceMode": _ATTENDANCE_MODES.get(session.attendance_mode, _ATTENDANCE_MODES["in_person"]),
            "location": _location(session),
            "inLanguage": "fr",
        }
        if action.summary:
            event["description"] = action.summary
        if action.format_id:
            event["about"] = action.format.name
        if people:
            event["performer"] = people
        if organizer is not None:
            event["organizer"] = _organisation(organizer)
        if details["funders"]:
            event["funder"] = [_organisation(link.organisation) for link in details["funders"]]
        if action.registration_open and action.registration_url:
            event["offers"] = {"@type": "Offer", "url": action.registration_url, "price": 0, "priceCurrency": "EUR"}
        events.append(event)
    return events


def podcast_series(series: PodcastSeriesPage, request: HttpRequest | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "PodcastSeries",
        "name": series.title,
        "url": series.get_full_url(request),
        "description": series.summary,
        "inLanguage": "fr",
    }
    if series.producer_id:
        data["publisher"] = _organisation(series.producer)
    return data


def podcast_episode(
    episode: PodcastEpisodePage,
    *,
    season: PodcastSeasonPage | None,
    series: PodcastSeriesPage | None,
    people: list[Any],
    request: HttpRequest | None,
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "PodcastEpisode",
        "name": episode.title,
        "url": episode.get_full_url(request),
        "datePublished": episode.release_date.isoformat(),
        "inLanguage": "fr",
    }
    if episode.summary:
        data["description"] = episode.summary
    if episode.episode_number:
        data["episodeNumber"] = episode.episode_number
    if series is not None:
        data["partOfSeries"] = {"@type": "PodcastSeries", "name": series.title, "url": series.get_full_url(request)}
    if season is not None:
        data["partOfSeason"] = {"@type": "PodcastSeason", "seasonNumber": season.number, "name": season.title}
    if people:
        data["actor"] = _people(people)
    if episode.audio is not None:
        media: dict[str, Any] = {"@type": "AudioObject", "contentUrl": _absolute(request, episode.audio.url)}
        if episode.audio.mime_type:
            media["encodingFormat"] = episode.audio.mime_type
        if episode.audio.duration:
            media["duration"] = iso_duration(episode.audio.duration)
            data["timeRequired"] = media["duration"]
        data["associatedMedia"] = media
    return data


def publication_report(
    publication: PublicationPage, *, authors: list[Any], documents: list[Any], request: HttpRequest | None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": SCHEMA,
        "@type": "Report",
        "name": publication.title,
        "url": publication.get_full_url(request),
        "datePublished": publication.publication_date.isoformat(),
        "inLanguage": "fr",
        "isPartOf": {"@type": "CreativeWorkSeries", "name": publication.collection.name},
    }
    if publication.number:
        data["reportNumber"] = publication.number
    abstract = publication.summary or strip_tags(publication.abstract or "").strip()
    if abstract:
        data["abstract"] = abstract
    if authors:
        data["author"] = _people(authors)
    if documents:
        data["encoding"] = [
            {
                "@type": "MediaObject",
                "contentUrl": _absolute(request, item.url),
                "encodingFormat": item.mime_type,
                "contentSize": item.size,
                "name": item.label,
            }
            for item in documents
        ]
    return data
