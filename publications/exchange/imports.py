"""Importing an exchange file: validated whole, then each record created or updated as a draft.

Idempotent: a record is known by its `id` (the page's translation key, the same on every instance),
so importing the same file twice changes nothing the second time, and a newer file updates the pages
it created. Imported text becomes a draft revision, never a publication: the importing centre's
editors review it through their own workflow.
"""

import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup
from django.db import transaction
from pydantic import ValidationError
from pydantic_core import ErrorDetails
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from editorial.revisions import page_revision_save
from publications.blocks import RICH_TEXT_FEATURES
from publications.exchange.export import RICH_TEXT_FIELDS
from publications.exchange.schema import FORMAT, VERSION, ExchangeFile, Record, TerritoryRef
from publications.models import ExperienceIndexPage, ExperiencePage, Organisation, Territory, Theme
from publications.models.people import OrganisationKind

logger = logging.getLogger(__name__)

MAX_BYTES = 20 * 1024 * 1024
TOO_LARGE = f"Le fichier dépasse {MAX_BYTES // (1024 * 1024)} Mo."
# Elements whose content is not text: dropped with what they hold, before the editor's own sanitising.
DROPPED_ELEMENTS = ["script", "style", "iframe", "object", "embed", "template", "noscript"]
# The editor draws new random block keys at each conversion: without them, the same text compares equal.
BLOCK_KEY = re.compile(r' data-block-key="[^"]*"')


class ExchangeError(Exception):
    """The file is refused as a whole: nothing was imported. `messages` are French, for the importer."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass
class ImportReport:
    created: list[ExperiencePage] = field(default_factory=list)
    updated: list[ExperiencePage] = field(default_factory=list)
    unchanged: list[ExperiencePage] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.created)} fiche(s) créée(s), {len(self.updated)} mise(s) à jour, "
            f"{len(self.unchanged)} inchangée(s)."
        )


# Pydantic's messages are English: each error type the schema can raise, in French.
ERROR_MESSAGES = {
    "missing": "champ obligatoire absent",
    "extra_forbidden": "champ inconnu de la version 1",
    "string_type": "un texte est attendu",
    "string_too_short": "ne peut pas être vide",
    "string_too_long": "trop long ({max_length} caractères au plus)",
    "string_pattern_mismatch": "forme invalide (lettres minuscules, chiffres et tirets)",
    "uuid_parsing": "identifiant invalide (UUID attendu)",
    "uuid_type": "identifiant invalide (UUID attendu)",
    "url_parsing": "adresse web invalide",
    "url_scheme": "adresse web invalide (http ou https)",
    "url_type": "adresse web invalide",
    "datetime_parsing": "date et heure invalides (ISO 8601 attendu)",
    "datetime_from_date_parsing": "date et heure invalides (ISO 8601 attendu)",
    "datetime_type": "date et heure invalides (ISO 8601 attendu)",
    "list_type": "une liste est attendue",
    "too_long": "trop d'éléments ({max_length} au plus)",
    "model_type": "un objet est attendu",
    "dict_type": "un objet est attendu",
    "model_attributes_type": "un objet est attendu",
    "literal_error": "valeur non admise",
}


def _location(error: ErrorDetails) -> str:
    return " › ".join(str(part + 1) if isinstance(part, int) else str(part) for part in error["loc"])


def _message(error: ErrorDetails) -> str:
    context = error.get("ctx", {})
    if error["type"] == "value_error":
        return str(context.get("error", "valeur invalide"))  # our validators' own French words
    template = ERROR_MESSAGES.get(error["type"], "valeur invalide")
    return template.format(**{key: value for key, value in context.items() if isinstance(value, (int, str))})


def exchange_file_parse(payload: bytes) -> ExchangeFile:
    """The file validated against the schema, or ExchangeError naming each problem and where it is."""
    if len(payload) > MAX_BYTES:
        raise ExchangeError([TOO_LARGE])
    try:
        data = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExchangeError([f"Ce fichier n'est pas un JSON lisible en UTF-8 ({error.__class__.__name__})."]) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeError(["Ce fichier n'est pas un fichier d'échange de fiches d'expérience."])
    if data.get("version") != VERSION:
        raise ExchangeError([f"Version {data.get('version')!r} inconnue : cette instance lit la version {VERSION}."])
    try:
        return ExchangeFile.model_validate(data)
    except ValidationError as error:
        logger.info("Experience exchange file refused: %s", error.errors(include_input=False)[:20])
        problems = [f"{_location(item)} : {_message(item)}" for item in error.errors()[:20]]
        raise ExchangeError(problems) from error


def rich_text_clean(html: str) -> str:
    """Outside HTML as the rich text editor would store it: only the features our fields allow."""
    if not html.strip():
        return ""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(DROPPED_ELEMENTS):
        element.decompose()
    converter = ContentstateConverter(RICH_TEXT_FEATURES)
    try:
        stored = converter.to_database_format(converter.from_database_format(str(soup)))
    except (AssertionError, ValueError, KeyError) as error:
        # Wagtail's HTML reader asserts on tags it cannot pair, even after normalising.
        raise ValueError("texte mis en forme illisible") from error
    return BLOCK_KEY.sub("", stored)


def _territory(ref: TerritoryRef) -> Territory | None:
    found = Territory.objects.filter(code=ref.code, kind=ref.kind).first() if ref.code else None
    return found or Territory.objects.filter(name=ref.name).first()


def _organisations(record: Record) -> list[Organisation]:
    organisations = []
    for ref in record.organisations:
        organisation, _ = Organisation.objects.get_or_create(
            name=ref.name,
            defaults={"acronym": ref.acronym, "kind": OrganisationKind.AUTRE, "website": str(ref.website or "")},
        )
        organisations.append(organisation)
    return organisations


def _fields(record: Record) -> dict[str, Any]:
    texts = {}
    for name in RICH_TEXT_FIELDS:
        try:
            texts[name] = rich_text_clean(getattr(record, name))
        except ValueError as error:
            raise ExchangeError([f"Fiche « {record.title} », champ {name} : {error}."]) from error
    return {
        "title": record.title,
        "summary": record.summary,
        "period": record.period,
        **texts,
        "contact_name": record.contact.name,
        "contact_role": record.contact.role,
        "contact_email": record.contact.email,
        "contact_phone": record.contact.phone,
    }


def _classification(record: Record, report: ImportReport) -> tuple[list[Theme], list[Territory]]:
    themes = list(Theme.objects.filter(slug__in=[ref.slug for ref in record.themes]))
    for missing in {ref.slug for ref in record.themes} - {theme.slug for theme in themes}:
        report.warnings.append(f"Fiche « {record.title} » : thématique « {missing} » inconnue ici, non reprise.")
    territories = []
    for ref in record.territories:
        territory = _territory(ref)
        if territory is None:
            report.warnings.append(f"Fiche « {record.title} » : territoire « {ref.name} » inconnu ici, non repris.")
        else:
            territories.append(territory)
    return themes, territories


def _current(page: ExperiencePage, name: str) -> Any:
    """The page's value as an import would write it: its rich text through the same export and cleaning."""
    value = getattr(page, name)
    return rich_text_clean(expand_db_html(value)) if name in RICH_TEXT_FIELDS else value


def _differs(page: ExperiencePage, values: dict[str, Any], relations: dict[str, list[Any]]) -> bool:
    if any(_current(page, name) != value for name, value in values.items()):
        return True
    return any(
        {item.pk for item in getattr(page, name).all()} != {item.pk for item in items}
        for name, items in relations.items()
    )


def _record_import(record: Record, *, parent: ExperienceIndexPage, user: Any, report: ImportReport) -> None:
    town = _territory(record.town)
    if town is None:
        raise ExchangeError(
            [f"Fiche « {record.title} » : la commune « {record.town.name} » n'existe pas dans les territoires d'ici."]
        )
    values = {**_fields(record), "town": town}
    themes, territories = _classification(record, report)
    relations: dict[str, list[Any]] = {
        "organisations": _organisations(record),
        "themes": themes,
        "territories": territories,
    }
    same_key = Page.objects.filter(translation_key=record.id).first()
    if same_key is not None and same_key.specific_class is not ExperiencePage:
        raise ExchangeError([f"Fiche « {record.title} » : son identifiant est celui d'une autre page d'ici."])
    existing = same_key.specific if same_key is not None else None
    if existing is None:
        page = ExperiencePage(translation_key=record.id, locale=parent.locale, live=False, owner=user, **values)
        for name, items in relations.items():
            getattr(page, name).set(items)
        parent.add_child(instance=page)
        page_revision_save(page=page, user=user)
        report.created.append(page)
        return
    draft = existing.get_latest_revision_as_object()
    if not _differs(draft, values, relations):
        report.unchanged.append(existing)
        return
    for name, value in values.items():
        setattr(draft, name, value)
    for name, items in relations.items():
        getattr(draft, name).set(items)
    page_revision_save(page=draft, user=user)
    report.updated.append(existing)


def experiences_import(*, payload: bytes, parent: ExperienceIndexPage, user: Any) -> ImportReport:
    """Import every record of the file under `parent`, all or nothing."""
    exchange = exchange_file_parse(payload)
    report = ImportReport()
    with transaction.atomic():
        for record in exchange.records:
            _record_import(record, parent=parent, user=user, report=report)
    logger.info(
        "Experience exchange file from %s imported by user %s: %d created, %d updated, %d unchanged",
        exchange.source.url,
        getattr(user, "pk", None),
        len(report.created),
        len(report.updated),
        len(report.unchanged),
    )
    return report
