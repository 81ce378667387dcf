"""CSV import of subscribers to one list, with a stated legal basis: read, plan (preview), apply.

Duplicates: a new address is created and subscribed; an existing one gets the subscription only
if it has none (or a pending one); an address that left the list, is suppressed or was erased is
never added back by an import (only the person's own double opt-in does that); a second line with
the same address is reported. Malformed lines are reported with their number and skipped; a fatal
error (encoding, size, no email column) imports nothing, and the import runs in one transaction.
"""

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from newsletters.models import NewsletterList
from subscribers.erasure import email_fingerprint
from subscribers.forms import single_line
from subscribers.models import (
    ErasedAddress,
    Subscriber,
    SubscriberRole,
    Subscription,
    SubscriptionStatus,
)
from subscribers.services import subscription_import

_COLUMNS = {
    "email": {"email", "e-mail", "courriel", "adresse", "adresse électronique", "adresse electronique", "mail"},
    "name": {"nom", "name", "nom et prénom", "nom complet"},
    "organisation": {"organisme", "organisation", "structure"},
    "role": {"fonction", "role", "rôle"},
}
_ROLES = {key.lower(): key for key in SubscriberRole.values} | {
    str(label).lower(): key for key, label in SubscriberRole.choices
}
_LIMITS = {"name": 150, "organisation": 200}


class ImportFileError(Exception):
    """The file cannot be imported at all; the message is for the administrator (French)."""


@dataclass(frozen=True)
class ImportLine:
    number: int
    email: str
    name: str = ""
    organisation: str = ""
    role: str = ""


@dataclass(frozen=True)
class ImportProblem:
    number: int
    message: str


@dataclass
class ImportPlan:
    created: list[ImportLine] = field(default_factory=list)
    added: list[ImportLine] = field(default_factory=list)
    unchanged: list[ImportLine] = field(default_factory=list)
    refused: list[ImportProblem] = field(default_factory=list)
    malformed: list[ImportProblem] = field(default_factory=list)


def _decode(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "Le fichier n'est pas encodé en UTF-8 (octet illisible à la position %(position)d). "
                "Enregistrez-le en « CSV UTF-8 » et recommencez."
            )
            % {"position": error.start}
        ) from error
    if "\x00" in text:
        raise ImportFileError(_("Le fichier contient des caractères nuls : ce n'est pas un fichier CSV."))
    return text


def _header(row: list[str]) -> dict[str, int]:
    positions: dict[str, int] = {}
    for index, title in enumerate(row):
        name = " ".join(title.strip().lower().split())
        for column, aliases in _COLUMNS.items():
            if name in aliases and column not in positions:
                positions[column] = index
    if "email" not in positions:
        raise ImportFileError(
            _("La première ligne doit nommer les colonnes, dont une colonne « email » (ou « courriel »).")
        )
    return positions


def _line(number: int, row: list[str], positions: dict[str, int]) -> ImportLine:
    """One line, or ValidationError with a French message."""
    values = {column: (row[index].strip() if index < len(row) else "") for column, index in positions.items()}
    email = values["email"]
    if not email:
        raise ValidationError(_("adresse manquante"))
    if len(email) > 254:
        raise ValidationError(_("adresse trop longue (254 caractères au plus)"))
    validate_email(email)
    for column, limit in _LIMITS.items():
        value = values.get(column, "")
        single_line(value)
        if len(value) > limit:
            raise ValidationError(
                _("%(column)s trop long (%(limit)d caractères au plus)") % {"column": column, "limit": limit}
            )
    role = values.get("role", "")
    if role and role.lower() not in _ROLES:
        raise ValidationError(_("fonction inconnue « %(role)s »") % {"role": role[:50]})
    return ImportLine(
        number,
        email,
        name=values.get("name", ""),
        organisation=values.get("organisation", ""),
        role=_ROLES.get(role.lower(), "") if role else "",
    )


def csv_read(data: bytes) -> tuple[list[ImportLine], list[ImportProblem]]:
    """The valid lines and the malformed ones of an uploaded file; ImportFileError if unusable."""
    if len(data) > settings.SUBSCRIBERS_IMPORT_MAX_BYTES:
        raise ImportFileError(
            _("Le fichier dépasse %(size)d Mo.") % {"size": settings.SUBSCRIBERS_IMPORT_MAX_BYTES // (1024 * 1024)}
        )
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    lines: list[ImportLine] = []
    problems: list[ImportProblem] = []
    seen: dict[str, int] = {}
    try:
        positions: dict[str, int] | None = None
        previous_end = 0
        for row in reader:
            # The line the record starts on: a quoted field may span several lines.
            number, previous_end = previous_end + 1, reader.line_num
            if positions is None:
                positions = _header(row)
                continue
            if not any(cell.strip() for cell in row):
                continue
            if len(lines) + len(problems) >= settings.SUBSCRIBERS_IMPORT_MAX_ROWS:
                raise ImportFileError(
                    _("Le fichier dépasse %(rows)d lignes : découpez-le.")
                    % {"rows": settings.SUBSCRIBERS_IMPORT_MAX_ROWS}
                )
            try:
                line = _line(number, row, positions)
            except ValidationError as error:
                problems.append(ImportProblem(number, "; ".join(str(message) for message in error.messages)))
                continue
            key = line.email.lower()
            if key in seen:
                problems.append(
                    ImportProblem(number, _("adresse en double (déjà ligne %(line)d)") % {"line": seen[key]})
                )
                continue
            seen[key] = number
            lines.append(line)
    except csv.Error as error:
        raise ImportFileError(
            _("Le fichier CSV est mal formé à la ligne %(line)d : %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from error
    if positions is None:
        raise ImportFileError(_("Le fichier est vide."))
    return lines, problems


def _existing(emails: Iterable[str]) -> dict[str, Subscriber]:
    found: dict[str, Subscriber] = {}
    keys = [email.lower() for email in emails]
    for start in range(0, len(keys), 500):
        chunk = keys[start : start + 500]
        for subscriber in Subscriber.objects.annotate(email_ci=Lower("email")).filter(email_ci__in=chunk):
            found[subscriber.email.lower()] = subscriber
    return found


def import_plan(lines: list[ImportLine], problems: list[ImportProblem], newsletter_list: NewsletterList) -> ImportPlan:
    """What an import would do, without doing it (the preview)."""
    plan = ImportPlan(malformed=list(problems))
    existing = _existing(line.email for line in lines)
    statuses = dict(
        Subscription.objects.filter(
            newsletter_list=newsletter_list, subscriber__in=list(existing.values())
        ).values_list("subscriber_id", "status")
    )
    erased = set(
        ErasedAddress.objects.filter(
            email_hash__in=[email_fingerprint(line.email) for line in lines if line.email.lower() not in existing]
        ).values_list("email_hash", flat=True)
    )
    for line in lines:
        subscriber = existing.get(line.email.lower())
        if subscriber is None:
            if email_fingerprint(line.email) in erased:
                plan.refused.append(ImportProblem(line.number, _("adresse effacée à la demande de la personne")))
            else:
                plan.created.append(line)
            continue
        status = statuses.get(subscriber.pk)
        if subscriber.is_suppressed:
            plan.refused.append(ImportProblem(line.number, _("adresse exclue (échec définitif ou signalement)")))
        elif status == SubscriptionStatus.UNSUBSCRIBED:
            plan.refused.append(ImportProblem(line.number, _("s'est désabonné·e de cette liste")))
        elif status == SubscriptionStatus.CONFIRMED:
            plan.unchanged.append(line)
        else:
            plan.added.append(line)
    return plan


@transaction.atomic
def import_apply(
    lines: list[ImportLine], problems: list[ImportProblem], *, newsletter_list: NewsletterList, legal_basis: str
) -> ImportPlan:
    """Apply the import in one transaction: any error leaves the database as it was."""
    NewsletterList.objects.select_for_update().get(pk=newsletter_list.pk)
    plan = import_plan(lines, problems, newsletter_list)
    existing = _existing(line.email for line in plan.added)
    for line in plan.created:
        subscriber = Subscriber.objects.create(
            email=line.email, name=line.name, organisation=line.organisation, role=line.role
        )
        subscription_import(subscriber=subscriber, newsletter_list=newsletter_list, legal_basis=legal_basis)
    for line in plan.added:
        subscription_import(
            subscriber=existing[line.email.lower()], newsletter_list=newsletter_list, legal_basis=legal_basis
        )
    return plan
