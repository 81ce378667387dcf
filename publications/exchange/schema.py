"""The exchange file, version 1: what one instance writes and another validates before importing.

The pydantic models are the schema: `docs/exchange-v1.schema.json` is generated from them
(`python manage.py experiences_exchange_schema`) and a test keeps the two equal.
"""

import datetime
import uuid
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, HttpUrl, StringConstraints

FORMAT: Literal["crpv.fiches-experience"] = "crpv.fiches-experience"
VERSION: Literal[1] = 1
MAX_RECORDS = 2000

Short = Annotated[str, StringConstraints(strip_whitespace=True, max_length=255)]
Html = Annotated[str, StringConstraints(max_length=100_000)]


def _email(value: str) -> str:
    if value:
        try:
            validate_email(value)
        except ValidationError as error:
            raise ValueError("adresse électronique invalide") from error
    return value


Email = Annotated[str, StringConstraints(max_length=254), AfterValidator(_email)]


class Strict(BaseModel):
    # Unknown keys are refused: a file of another format or version fails loudly instead of half-importing.
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class TerritoryRef(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=150)]
    kind: Annotated[str, StringConstraints(max_length=16)] = ""
    code: Annotated[str, StringConstraints(max_length=16)] = ""


class OrganisationRef(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    acronym: Annotated[str, StringConstraints(max_length=32)] = ""
    website: HttpUrl | None = None


class ThemeRef(Strict):
    slug: Annotated[str, StringConstraints(min_length=1, max_length=150, pattern=r"^[-a-z0-9_]+$")]
    name: Annotated[str, StringConstraints(max_length=150)] = ""


class Contact(Strict):
    name: Annotated[str, StringConstraints(max_length=150)] = ""
    role: Short = ""
    email: Email = ""
    phone: Annotated[str, StringConstraints(max_length=32)] = ""


class Record(Strict):
    """One experience record in the network's shared template (« trame commune »)."""

    id: uuid.UUID = Field(description="Identifiant stable de la fiche, le même sur toutes les instances.")
    title: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    summary: Annotated[str, StringConstraints(max_length=1000)] = ""
    town: TerritoryRef
    period: Annotated[str, StringConstraints(min_length=1, max_length=120)]
    context: Html = ""
    objectives: Html = ""
    actors: Html = ""
    description: Html = ""
    results: Html = ""
    organisations: list[OrganisationRef] = Field(default_factory=list, max_length=100)
    contact: Contact = Field(default_factory=Contact)
    themes: list[ThemeRef] = Field(default_factory=list, max_length=50)
    territories: list[TerritoryRef] = Field(default_factory=list, max_length=50)
    source_url: HttpUrl | None = Field(None, description="Adresse de la fiche sur le site qui l'a publiée.")
    published_at: datetime.datetime | None = None


class Source(Strict):
    name: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    url: HttpUrl


class ExchangeFile(Strict):
    format: Literal["crpv.fiches-experience"]
    version: Literal[1]
    exported_at: datetime.datetime
    source: Source
    records: list[Record] = Field(max_length=MAX_RECORDS)
