"""/api/docs/: the API's OpenAPI document as a French reference page rendered on the server.

Redoc and Swagger UI speak English only (« Responses », « Request samples », « Download ») and need
scripts; a page rendered from the same schema is French, works without JavaScript, and cannot drift from
/api/schema/ since both read `api.get_openapi_schema()`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from ninja.openapi.docs import DocsBase

if TYPE_CHECKING:
    from ninja import NinjaAPI

REF_PREFIX = "#/components/schemas/"
CODE_SPAN = re.compile(r"`([^`]+)`")

TYPE_NAMES = {
    "string": "texte",
    "integer": "entier",
    "number": "nombre",
    "boolean": "booléen",
    "object": "objet",
    "null": "null",
}
FORMAT_NAMES = {"date": "date (AAAA-MM-JJ)", "date-time": "date et heure (ISO 8601)", "uri": "adresse web"}
LOCATION_NAMES = {"path": "chemin", "query": "paramètre de requête", "header": "en-tête", "cookie": "cookie"}
STATUS_NAMES = {
    "200": "Réponse",
    "400": "Valeur inconnue",
    "401": "Jeton absent ou invalide",
    "403": "Accès refusé",
    "404": "Introuvable",
    "422": "Paramètre mal formé",
}


@dataclass(frozen=True)
class TypeText:
    """A schema's type in words, and the component it names (for a link), if any."""

    text: str
    ref: str = ""


@dataclass(frozen=True)
class Row:
    name: str
    type: TypeText
    required: bool
    description: str = ""
    location: str = ""
    constraints: str = ""


@dataclass(frozen=True)
class Response:
    status: str
    label: str
    type: TypeText | None


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    anchor: str
    summary: str
    description: SafeString
    parameters: list[Row]
    responses: list[Response]


@dataclass
class Section:
    title: str
    anchor: str
    operations: list[Operation] = field(default_factory=list)


@dataclass(frozen=True)
class Component:
    name: str
    description: str
    fields: list[Row]


def description_html(text: str) -> SafeString:
    """Docstring-style text as HTML: paragraphs at blank lines, wrapped lines joined, `code` spans."""
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    html = "".join("<p>" + CODE_SPAN.sub(r"<code>\1</code>", escape(paragraph)) + "</p>" for paragraph in paragraphs)
    return mark_safe(html)  # noqa: S308 - every paragraph is escaped above, only <p> and <code> are added


def type_text(schema: dict[str, Any]) -> TypeText:
    """« liste de ActionOut », « texte ou null », « une valeur parmi : a, b »…"""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix(REF_PREFIX)
        return TypeText(name, ref=name)
    for combinator in ("anyOf", "oneOf", "allOf"):
        if combinator in schema:
            parts = [type_text(option) for option in schema[combinator]]
            refs = [part.ref for part in parts if part.ref]
            return TypeText(" ou ".join(part.text for part in parts), ref=refs[0] if refs else "")
    if "enum" in schema:
        return TypeText("une valeur parmi : " + ", ".join(str(value) for value in schema["enum"]))
    kind = schema.get("type", "")
    if kind == "array":
        item = type_text(schema.get("items", {}))
        return TypeText(f"liste de {item.text}", ref=item.ref)
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        value = type_text(schema["additionalProperties"])
        return TypeText(f"objet de {value.text}", ref=value.ref)
    if schema.get("format") in FORMAT_NAMES:
        return TypeText(FORMAT_NAMES[schema["format"]])
    return TypeText(TYPE_NAMES.get(kind, kind or "valeur"))


def constraints_text(schema: dict[str, Any]) -> str:
    """The bounds a client must respect, from the schema or the first option that has them."""
    options = [schema, *schema.get("anyOf", [])]
    words = []
    for option in options:
        if "minimum" in option:
            words.append(f"au moins {option['minimum']}")
        if "maximum" in option:
            words.append(f"au plus {option['maximum']}")
        if "maxLength" in option:
            words.append(f"{option['maxLength']} caractères au plus")
        if "pattern" in option:
            words.append(f"motif {option['pattern']}")
    if "default" in schema:
        words.append(f"par défaut {schema['default']}")
    return ", ".join(words)


def _response_type(response: dict[str, Any]) -> TypeText | None:
    schema = response.get("content", {}).get("application/json", {}).get("schema")
    return type_text(schema) if schema else None


def _operation(path: str, method: str, spec: dict[str, Any]) -> Operation:
    parameters = [
        Row(
            name=parameter["name"],
            type=type_text(parameter.get("schema", {})),
            required=parameter.get("required", False),
            description=parameter.get("description", ""),
            location=LOCATION_NAMES.get(parameter["in"], parameter["in"]),
            constraints=constraints_text(parameter.get("schema", {})),
        )
        for parameter in spec.get("parameters", [])
    ]
    # Status codes are ints in the live schema, strings once it is JSON.
    answers = {str(status): answer for status, answer in spec.get("responses", {}).items()}
    responses = [
        Response(status, STATUS_NAMES.get(status, status), _response_type(answer))
        for status, answer in sorted(answers.items())
    ]
    return Operation(
        method=method.upper(),
        path=path,
        anchor=spec["operationId"],
        summary=spec.get("summary", ""),
        description=description_html(spec.get("description", "")),
        parameters=parameters,
        responses=responses,
    )


def sections(schema: dict[str, Any]) -> list[Section]:
    """Operations grouped by their router's tag, in the order the routers were added."""
    grouped: dict[str, Section] = {}
    for path, methods in schema["paths"].items():
        for method, spec in methods.items():
            title = (spec.get("tags") or ["Autres"])[0]
            anchor = f"section-{len(grouped) + 1}"
            section = grouped.setdefault(title, Section(title=title, anchor=anchor))
            section.operations.append(_operation(path, method, spec))
    return list(grouped.values())


def components(schema: dict[str, Any]) -> list[Component]:
    found = []
    for name, spec in sorted(schema.get("components", {}).get("schemas", {}).items()):
        required = set(spec.get("required", []))
        fields = [
            Row(
                name=field_name,
                type=type_text(field_spec),
                required=field_name in required,
                description=field_spec.get("description", ""),
                constraints=constraints_text(field_spec),
            )
            for field_name, field_spec in spec.get("properties", {}).items()
        ]
        found.append(Component(name=name, description=spec.get("description", ""), fields=fields))
    return found


class FrenchReference(DocsBase):
    """django-ninja's docs hook (`NinjaAPI(docs=…)`) answering with the French reference page."""

    template = "api/reference.html"

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        schema = api.get_openapi_schema(path_params=kwargs)
        context = {
            "info": schema["info"],
            "description": description_html(schema["info"].get("description", "")),
            "openapi_url": self.get_openapi_url(api, kwargs),
            "sections": sections(schema),
            "components": components(schema),
        }
        return render(request, self.template, context)
