"""Backup and restore of everything Claves keeps: the database, the media files and a
manifest to check both against.

The database: SQLite through its online backup API (a consistent copy while the site runs,
which a file copy is not); PostgreSQL with pg_dump's custom format, taken in the same
snapshot as the manifest's row counts. The media: every file of the default storage, read
through Django's storage API, so a local MEDIA_ROOT and an S3 bucket are backed up alike.
Never the keys: a backup that carried SECRET_KEY and FACILITATOR_NOTES_KEYS would open
the notes and journal entries it holds to whoever finds it.
"""

import hashlib
import json
import os
import sqlite3
import subprocess
import tarfile
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MANIFEST = "manifest.json"
MEDIA = "media.tar"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
KEYS_LEFT_OUT = (
    "Not in this backup: SECRET_KEY and FACILITATOR_NOTES_KEYS. Keep them apart from it; "
    "without the key that encrypted them, the facilitator notes and journal entries in "
    "this backup cannot be read."
)


def backup_create(destination: Path) -> dict:
    """Write the database, the media and the manifest into `destination`, a new folder
    that only its owner can open (it holds everyone's data)."""
    if destination.exists() and (not destination.is_dir() or any(destination.iterdir())):
        raise CommandError(_("%(path)s is not empty: give a new folder.") % {"path": destination})
    destination.mkdir(mode=0o700, parents=True, exist_ok=True)
    vendor = _vendor()
    database = destination / DATABASE_FILES[vendor]
    if vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(database)) as copy:
            connection.connection.backup(copy)
            census = _census(copy.cursor(), _sqlite_tables(copy.cursor()))
    else:
        # Counted in the very snapshot pg_dump copies, so a busy site still matches.
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            census = _census(cursor, connection.introspection.table_names(cursor))
            _postgresql(
                "pg_dump", "--format=custom", f"--snapshot={snapshot}", f"--file={database}"
            )
    with tarfile.open(destination / MEDIA, "w") as tar:
        files = {name: _add_to_tar(tar, name) for name in _media_names()}
    manifest = {
        "created_at": timezone.now().isoformat(),
        "database": vendor,
        **census,
        "files": files,
        "keys": KEYS_LEFT_OUT,
        "notes_key_fingerprints": _key_fingerprints(),
    }
    (destination / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True))
    return manifest


def backup_restore(source: Path, *, force: bool) -> list[str]:
    """Replace the database and the media with the backup's; return warnings to show."""
    manifest = backup_manifest(source)
    vendor = _vendor()
    if manifest["database"] != vendor:
        raise CommandError(
            _("This backup holds a %(backup)s database and this site uses %(site)s.")
            % {"backup": manifest["database"], "site": vendor}
        )
    database = source / DATABASE_FILES[vendor]
    for part in (database, source / MEDIA):
        if not part.is_file():  # restoring nothing would empty the site
            raise CommandError(
                _("This backup is incomplete: %(part)s is missing.") % {"part": part}
            )
    unknown = _unknown_migrations(manifest["schema"])
    if unknown:
        raise CommandError(
            _(
                "This backup was made by a newer version of Claves (migrations %(names)s are "
                "unknown here): install that version, then restore."
            )
            % {"names": ", ".join(unknown)}
        )
    tables = connection.introspection.table_names()
    media = sorted(_media_names())
    if (tables or media) and not force:
        raise CommandError(
            _(
                "The database has %(tables)d tables and the media %(files)d files: restoring "
                "replaces all of them. Run again with --force to do so."
            )
            % {"tables": len(tables), "files": len(media)}
        )
    if vendor == "sqlite":
        connection.ensure_connection()
        with closing(sqlite3.connect(database)) as copy:
            copy.backup(connection.connection)
    else:
        connection.close()  # pg_restore drops tables this connection could hold locks on
        name = connection.settings_dict["NAME"]
        _postgresql(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-acl",
            "--single-transaction", "--exit-on-error", f"--dbname={name}", str(database),
        )  # fmt: skip
    for name in set(media) - set(manifest["files"]):
        default_storage.delete(name)
    with tarfile.open(source / MEDIA) as tar:
        for member in filter(tarfile.TarInfo.isfile, tar.getmembers()):
            if default_storage.exists(member.name):
                default_storage.delete(member.name)
            with tar.extractfile(member) as content:
                default_storage.save(member.name, File(content, name=member.name))
    warnings = []
    if manifest["notes_key_fingerprints"] and not (
        set(manifest["notes_key_fingerprints"]) & set(_key_fingerprints())
    ):
        warnings.append(
            _(
                "None of the keys in FACILITATOR_NOTES_KEYS encrypted this backup's notes and "
                "journal entries: set the key in use when the backup was made."
            )
        )
    connection.close()
    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if plan:
        warnings.append(
            _("The backup is older than this code: run `manage.py migrate` (%(n)d to apply).")
            % {"n": len(plan)}
        )
    return warnings


def backup_manifest(source: Path) -> dict:
    try:
        return json.loads((source / MANIFEST).read_text())
    except (OSError, ValueError) as error:
        raise CommandError(
            _("%(path)s is not a Claves backup (no readable manifest: %(error)s).")
            % {"path": source, "error": error}
        ) from error


def backup_differences(manifest: dict) -> tuple[int, int, list[str]]:
    """Rows and files in which the live site differs from a manifest, and what they are."""
    with connection.cursor() as cursor:
        live = _census(cursor, connection.introspection.table_names(cursor))["rows"]
    rows, details = 0, []
    for table in sorted(live.keys() | manifest["rows"].keys()):
        differ = abs(live.get(table, 0) - manifest["rows"].get(table, 0))
        if differ:
            rows += differ
            details.append(
                _("table %(table)s: %(live)d rows here, %(backup)d in the backup")
                % {
                    "table": table,
                    "live": live.get(table, 0),
                    "backup": manifest["rows"].get(table, 0),
                }
            )
    files = {name: _sha256(name) for name in _media_names()}
    changed = sorted(
        n
        for n in files.keys() | manifest["files"].keys()
        if files.get(n) != manifest["files"].get(n)
    )
    details += [_("file %(name)s differs") % {"name": name} for name in changed]
    return rows, len(changed), details


def differences_summary(rows: int, files: int) -> str:
    return ", ".join(
        (
            ngettext("%(n)d row differs", "%(n)d rows differ", rows) % {"n": rows},
            ngettext("%(n)d file differs", "%(n)d files differ", files) % {"n": files},
        )
    )


def _vendor() -> str:
    if connection.vendor not in DATABASE_FILES:
        raise CommandError(
            _("Backups support SQLite and PostgreSQL, not %(vendor)s.")
            % {"vendor": connection.vendor}
        )
    return connection.vendor


def _sqlite_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'sqlite_sequence'"
    )
    return [name for (name,) in cursor.fetchall()]


def _census(cursor, tables: list[str]) -> dict:
    """Rows per table and the last migration applied per app."""
    rows = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
        rows[table] = cursor.fetchone()[0]
    schema = {}
    if "django_migrations" in rows:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY applied, id")
        schema = dict(cursor.fetchall())
    return {"rows": rows, "schema": schema}


def _unknown_migrations(schema: dict) -> list[str]:
    loader = MigrationExecutor(connection).loader
    return [
        f"{app}.{name}"
        for app, name in sorted(schema.items())
        if app in loader.migrated_apps and (app, name) not in loader.disk_migrations
    ]


def _media_names(folder: str = ""):
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # a MEDIA_ROOT nothing was ever saved in
        return
    for name in files:
        yield f"{folder}{name}"
    for name in folders:
        yield from _media_names(f"{folder}{name}/")


class _Hashing:
    """A file that hashes what is read from it, so each file is read once."""

    def __init__(self, file):
        self.file, self.sha256 = file, hashlib.sha256()

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        return data


def _add_to_tar(tar: tarfile.TarFile, name: str) -> str:
    info = tarfile.TarInfo(name)
    info.size, info.mtime = default_storage.size(name), int(timezone.now().timestamp())
    with default_storage.open(name) as file:
        hashing = _Hashing(file)
        tar.addfile(info, hashing)
    return hashing.sha256.hexdigest()


def _sha256(name: str) -> str:
    with default_storage.open(name) as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


def _key_fingerprints() -> list[str]:
    # A hash of a random 256-bit key tells which key is needed and nothing of the key.
    return [
        hashlib.sha256(k.strip().encode()).hexdigest()[:16] for k in settings.FACILITATOR_NOTES_KEYS
    ]


def _postgresql(program: str, *args: str) -> None:
    """Run pg_dump or pg_restore against the configured database."""
    database = connection.settings_dict
    _, env = connection.client.settings_to_cmd_args_env(database, [])
    env = {**os.environ, **(env or {})}
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGDATABASE", "NAME"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    try:
        subprocess.run([program, *args], env=env, check=True, capture_output=True, text=True)  # noqa: S603
    except FileNotFoundError as error:
        raise CommandError(
            _("%(program)s is not installed: install PostgreSQL's client tools.")
            % {"program": program}
        ) from error
    except subprocess.CalledProcessError as error:
        raise CommandError(
            _("%(program)s failed: %(error)s") % {"program": program, "error": error.stderr.strip()}
        ) from error
