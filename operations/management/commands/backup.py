from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from operations.backup import backup_create


class Command(BaseCommand):
    help = (
        "Back up the database, the media files and a manifest of both into a new folder. "
        "The keys are never in it: keep SECRET_KEY and FACILITATOR_NOTES_KEYS apart."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A new (or empty) folder to write into.")

    def handle(self, *args, folder, **options):
        manifest = backup_create(folder)
        self.stdout.write(
            self.style.SUCCESS(
                _("Backed up %(rows)d rows (%(tables)d tables), %(files)d files: %(folder)s")
                % {
                    "rows": sum(manifest["rows"].values()),
                    "tables": len(manifest["rows"]),
                    "files": len(manifest["files"]),
                    "folder": folder,
                }
            )
        )
        self.stdout.write(
            _("The keys are not in it: keep SECRET_KEY and FACILITATOR_NOTES_KEYS apart.")
        )
