"""Export, import and describe experience record exchange files (docs/exchange.md)."""

import json
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from wagtail.models import Site

from publications.exchange.export import experiences_exchange_file
from publications.exchange.imports import ExchangeError, experiences_import
from publications.exchange.schema import ExchangeFile
from publications.models import ExperienceIndexPage


class Command(BaseCommand):
    help = "Échange de fiches d'expérience entre instances : export, import (en brouillon), schéma JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Écrit les fiches publiques d'un site.")
        export.add_argument("--site", help="Nom d'hôte du site (le site par défaut sinon).")
        export.add_argument("--output", type=Path, help="Fichier à écrire (la sortie standard sinon).")
        imports = actions.add_parser("import", help="Importe un fichier en brouillons.")
        imports.add_argument("file", type=Path)
        imports.add_argument("--parent", type=int, required=True, help="Identifiant de la liste des fiches.")
        imports.add_argument("--user", required=True, help="Identifiant de connexion de l'auteur des brouillons.")
        actions.add_parser("schema", help="Écrit le schéma JSON du format (version 1).")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        if action == "schema":
            self.stdout.write(json.dumps(ExchangeFile.model_json_schema(), ensure_ascii=False, indent=2))
        elif action == "export":
            self._export(options["site"], options["output"])
        else:
            self._import(options["file"], options["parent"], options["user"])

    def _export(self, hostname: str | None, output: Path | None) -> None:
        site = Site.objects.filter(hostname=hostname).first() if hostname else Site.objects.get(is_default_site=True)
        if site is None:
            raise CommandError(f"Aucun site n'a le nom d'hôte « {hostname} ».")
        text = experiences_exchange_file(site=site).model_dump_json(indent=2)
        if output is None:
            sys.stdout.write(text + "\n")
        else:
            output.write_text(text + "\n", encoding="utf-8")

    def _import(self, file: Path, parent_id: int, username: str) -> None:
        parent = ExperienceIndexPage.objects.filter(pk=parent_id).first()
        user = get_user_model().objects.filter(username=username).first()
        if parent is None or user is None:
            raise CommandError("Liste des fiches ou utilisateur inconnu.")
        try:
            report = experiences_import(payload=file.read_bytes(), parent=parent, user=user)
        except (OSError, ExchangeError) as error:
            raise CommandError(f"Import refusé : {error}") from error
        for warning in report.warnings:
            self.stderr.write(warning)
        self.stdout.write(report.summary())
