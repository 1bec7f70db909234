from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

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
            raise CommandError(_("%(path)s is not a folder.") % {"path": path})
        try:
            report = import_booklet(path, locale)
        except BadImportFile as error:
            raise CommandError(_("%(error)s Nothing was imported.") % {"error": error}) from error
        for warning in report.warnings:
            self.stderr.write(self.style.WARNING(warning))
        for heading, names in (
            (_("Created: %(files)s"), report.created),
            (_("Updated: %(files)s"), report.updated),
            (_("Unchanged: %(files)s"), report.unchanged),
        ):
            if names:
                self.stdout.write(heading % {"files": ", ".join(names)})
        self.stdout.write(
            _(
                "created %(created)d, updated %(updated)d, unchanged %(unchanged)d, "
                "unmapped lines %(unmapped)d"
            )
            % {
                "created": len(report.created),
                "updated": len(report.updated),
                "unchanged": len(report.unchanged),
                "unmapped": len(report.warnings),
            }
        )
