"""schema.org descriptions (JSON-LD) of the public pages: events, podcasts, reports and the centre itself."""

import re
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import strip_tags

from config.public_url import absolute_url
from config.time_zone import PARIS
from publications.models import ActionPage, ActionStatus, AttendanceMode, PodcastEpisodePage, PublicationPage
from publications.models.podcasts import PodcastSeasonPage, PodcastSeriesPage

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


# « 9-11 rue Génin, 93200 Saint-Denis »: a French postal code is five digits, the town follows it.
_POSTAL_CODE = re.compile(r"(?:^|[\s,])(\d{5})(?:\s+([^,]+))?\s*$")


def postal_address(*, street: str, town: str = "", postal_code: str = "") -> dict[str, Any]:
    """A structured PostalAddress from an address typed on one line, its postal code and town split out."""
    street = " ".join(street.split())
    match = _POSTAL_CODE.search(street)
    if match and not postal_code:
        postal_code, town = match.group(1), town or (match.group(2) or "").strip()
        street = street[: match.start()].strip(" ,")
    address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "FR"}
    for key, value in (("streetAddress", street), ("postalCode", postal_code), ("addressLocality", town)):
        if value:
            address[key] = value
    return address


def _location(session: Any, *, page_url: str) -> list[dict[str, Any]]:
    places: list[dict[str, Any]] = []
    if session.attendance_mode in (AttendanceMode.IN_PERSON, AttendanceMode.MIXED):
        town = session.town.name if session.town else ""
        places.append(
            {
                "@type": "Place",
                "name": session.venue or session.address or town or session.get_attendance_mode_display(),
                "address": postal_address(street=session.address, town=town),
            }
        )
    if session.is_online:
        # The connection link while it is of use (see ActionSession.connection_link), else the action's page.
        places.append({"@type": "VirtualLocation", "url": session.connection_link or page_url})
    return places


def _image(image: Any, request: HttpRequest | None) -> str | None:
    if image is None:
        return None
    return absolute_url(image.get_rendition("fill-1200x675").url)


def _identity_organisation(identity: Any, *, name: str, url: str, request: HttpRequest | None) -> dict[str, Any]:
    data: dict[str, Any] = {"@type": "Organization", "name": name, "url": url}
    if identity.logo is not None:
        data["logo"] = absolute_url(identity.logo.get_rendition("max-512x512").url)
    if identity.has_address:
        data["address"] = postal_address(
            street=identity.street_address, town=identity.town, postal_code=identity.postal_code
        )
    if identity.email:
        data["email"] = identity.email
    if identity.phone:
        data["telephone"] = identity.phone
    same_as = [link.value["url"] for link in identity.social_links]
    if same_as:
        data["sameAs"] = same_as
    return data


def home_organisation(home: Any, *, identity: Any, site_name: str, request: HttpRequest | None) -> dict[str, Any]:
    """The centre as an Organization, on its home page: name, logo, address, contact and accounts."""
    data = _identity_organisation(identity, name=site_name, url=home.get_full_url(request), request=request)
    if identity.tagline:
        data["description"] = identity.tagline
    return {"@context": SCHEMA, **data}


def action_events(
    action: ActionPage,
    details: dict[str, Any],
    request: HttpRequest | None,
    *,
    identity: Any = None,
    site_name: str = "",
) -> list[dict[str, Any]]:
    """One Event per session of the action; an action without dates gives none.

    The image is the action's, else the centre's logo; the organizer the programme's centre, else
    the site's own identity; the offer is free (the centres' actions cost nothing to attend).
    """
    url = action.get_full_url(request)
    people = _people(details["people"])
    centre = details["programme"].centre if details.get("programme") is not None else None
    if centre is not None:
        organizer: dict[str, Any] | None = _organisation(centre)
    elif identity is not None and site_name:
        home = action.get_site().root_page if action.get_site() is not None else None
        organizer = _identity_organisation(
            identity, name=site_name, url=home.get_full_url(request) if home else url, request=request
        )
    else:
        organizer = None
    image = _image(action.image, request) or _image(getattr(identity, "logo", None), request)
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
            "eventAttendanceMode": _ATTENDANCE_MODES.get(
                session.attendance_mode, _ATTENDANCE_MODES[AttendanceMode.IN_PERSON]
            ),
            "location": _location(session, page_url=url),
            "inLanguage": "fr",
        }
        if action.summary:
            event["description"] = action.summary
        if action.format_id:
            event["about"] = action.format.name
        if people:
            event["performer"] = people
        if organizer is not None:
            event["organizer"] = organizer
        if image:
            event["image"] = [image]
        if details["funders"]:
            event["funder"] = [_organisation(link.organisation) for link in details["funders"]]
        event["offers"] = _free_offer(action, session, url=url)
        event["isAccessibleForFree"] = True
        events.append(event)
    return events


def _free_offer(action: ActionPage, session: Any, *, url: str) -> dict[str, Any]:
    """Free of charge; the registration form while registration is open, else the action's page."""
    offer: dict[str, Any] = {"@type": "Offer", "price": 0, "priceCurrency": "EUR", "url": url}
    if action.registration_open and not session.cancelled and session.ends_at >= timezone.now():
        offer["availability"] = f"{SCHEMA}/InStock"
        offer["url"] = action.registration_url or url
    return offer


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
        media: dict[str, Any] = {"@type": "AudioObject", "contentUrl": absolute_url(episode.audio.url)}
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
                "contentUrl": absolute_url(item.url),
                "encodingFormat": item.mime_type,
                "contentSize": item.size,
                "name": item.label,
            }
            for item in documents
        ]
    return data
