"""Clear French answers for bad requests: which parameter, and what it should be."""

from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError, ValidationError


class FieldError(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldError] = []


class UnknownValueError(Exception):
    """A filter value that is well formed but names nothing (an unknown theme, territory…)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _message(error: dict[str, Any]) -> str:
    context = error.get("ctx") or {}
    kind = error.get("type", "")
    messages = {
        "missing": _("Ce paramètre est obligatoire."),
        "int_parsing": _("Un nombre entier est attendu."),
        "int_from_float": _("Un nombre entier est attendu."),
        "bool_parsing": _("« true » ou « false » est attendu."),
        "date_parsing": _("Une date au format AAAA-MM-JJ est attendue."),
        "date_from_datetime_parsing": _("Une date au format AAAA-MM-JJ est attendue."),
        "date_from_datetime_inexact": _("Une date au format AAAA-MM-JJ est attendue."),
        "string_too_long": _("Trop long : %(max)s caractères au plus.") % {"max": context.get("max_length")},
        "greater_than_equal": _("La valeur doit être au moins %(ge)s.") % {"ge": context.get("ge")},
        "less_than_equal": _("La valeur doit être au plus %(le)s.") % {"le": context.get("le")},
        "literal_error": _("Valeurs permises : %(expected)s.") % {"expected": context.get("expected")},
        "enum": _("Valeurs permises : %(expected)s.") % {"expected": context.get("expected")},
        "string_pattern_mismatch": _("Caractères non permis dans cette valeur."),
    }
    return str(messages.get(kind, _("Valeur invalide.")))


def _field(error: dict[str, Any]) -> str:
    location = [str(part) for part in error.get("loc", ()) if part not in ("query", "path", "filters")]
    return ".".join(location) or "?"


def error_response(status: int, errors: list[FieldError], detail: str = "") -> HttpResponse:
    names = ", ".join(dict.fromkeys(error.field for error in errors))
    detail = detail or (_("Paramètre invalide : %(names)s.") % {"names": names} if errors else _("Requête invalide."))
    body = ErrorOut(detail=detail, errors=errors).model_dump()
    return JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})


def register_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
        errors = [FieldError(field=_field(error), message=_message(error)) for error in exc.errors]
        return error_response(422, errors)

    @api.exception_handler(UnknownValueError)
    def bad_request(request: HttpRequest, exc: UnknownValueError) -> HttpResponse:
        return error_response(400, [FieldError(field=exc.field, message=exc.message)])

    @api.exception_handler(HttpError)
    def http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
        return error_response(exc.status_code, [], detail=str(exc.message))
