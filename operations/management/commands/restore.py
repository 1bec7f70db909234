from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import (
    backup_differences,
    backup_manifest,
    backup_restore,
    differences_summary,
)


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup` into the configured database and media "
        "storage, then check them against its manifest. With --check, only compare."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="The backup's folder.")
        parser.add_argument(
            "--force", action="store_true", help="Replace a database or media that is not empty."
        )
        parser.add_argument(
            "--check", action="store_true", help="Compare the site with the backup; change nothing."
        )

    def handle(self, *args, folder, force, check, **options):
        manifest = backup_manifest(folder)
        if not check:
            for warning in backup_restore(folder, force=force):
                self.stderr.write(self.style.WARNING(warning))
        rows, files, details = backup_differences(manifest)
        summary = differences_summary(rows, files)
        for line in details[:50]:
            self.stderr.write(f"  {line}")
        if rows or files:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
