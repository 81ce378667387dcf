"""manage.py report programme|progress|activity: a centre's documents, scripted.

manage.py report programme --programme <slug> --format pdf --output programme.pdf
manage.py report progress --programme <slug> --at 2017-03-24 --format docx --output point.docx
manage.py report activity --from 2017-01-01 --to 2017-12-31 --format xlsx --output activite.xlsx
"""

import datetime
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from publications.models import ProgrammePage
from reports.models import ReportFormat, ReportKind
from reports.services import ReportSpec, report_bytes


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Date invalide « {value} » : attendu AAAA-MM-JJ, par exemple 2017-03-24.") from error


class Command(BaseCommand):
    help = "Produit le programme de l'année, le point d'avancement ou le rapport d'activité (PDF, DOCX, XLSX)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=ReportKind.values)
        parser.add_argument("--programme", help="Identifiant (slug) du programme.")
        parser.add_argument("--at", help="Date du point d'avancement (AAAA-MM-JJ) ; par défaut, aujourd'hui.")
        parser.add_argument("--from", dest="start", help="Début de la période (AAAA-MM-JJ).")
        parser.add_argument("--to", dest="end", help="Fin de la période (AAAA-MM-JJ).")
        parser.add_argument("--format", dest="file_format", choices=ReportFormat.values, default=ReportFormat.PDF)
        parser.add_argument("--output", required=True, help="Fichier à écrire.")

    def handle(self, *args: Any, **options: Any) -> None:
        kind = options["kind"]
        programme = None
        if options["programme"]:
            programme = ProgrammePage.objects.filter(slug=options["programme"]).first()
            if programme is None:
                raise CommandError(f"Aucun programme n'a l'identifiant « {options['programme']} ».")
        at = _date(options["at"]) if options["at"] else None
        if kind == ReportKind.PROGRESS and at is None:
            at = timezone.localdate()
        spec = ReportSpec(
            kind=kind,
            programme=programme,
            at=at,
            start=_date(options["start"]) if options["start"] else None,
            end=_date(options["end"]) if options["end"] else None,
        )
        try:
            content = report_bytes(spec=spec, file_format=options["file_format"])
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        output = Path(options["output"])
        output.write_bytes(content)
        self.stdout.write(f"{output} : {len(content)} octets.")
