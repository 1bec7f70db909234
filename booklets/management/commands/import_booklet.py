from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from booklets.importer import BadImportFile, import_booklet


class Command(BaseCommand):
    help = (
        "Create or update a booklet's draft edition from a folder of Markdown files, one per "
        "module. Never publishes, never deletes; reports every line it could not map."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="Folder with one .md file per module.")
        parser.add_argument(
            "--locale", required=True, choices=[code for code, _name in settings.LANGUAGES]
        )

    def handle(self, *args, path, locale, **options):
        if not path.is_dir():
            raise CommandError(f"{path} is not a folder.")
        try:
            report = import_booklet(path, locale)
        except BadImportFile as error:
            raise CommandError(f"{error} Nothing was imported.") from error
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(warning))
        self.stdout.write(
            f"created {len(report.created)}, updated {len(report.updated)}, "
            f"unchanged {len(report.unchanged)}, unmapped lines {len(report.warnings)}"
        )
