"""Backup and restore (operations/backup.py). The drill runs the real commands in their own
processes on fresh databases: SQLite here, PostgreSQL when DATABASE_URL names one (CI)."""

import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from operations.backup import differences_summary

ROOT = Path(__file__).resolve().parents[2]
KEY = Fernet.generate_key().decode()
SECRET_KEY = "drill-" + Fernet.generate_key().decode()

USER_ROWS = """
import datetime, uuid
from django.contrib.auth import get_user_model
from curriculum.services import journal_entry_save
from workshops.models import Cohort
from workshops.services import note_create
person = get_user_model().objects.create_user("drill-facilitator", password="x" * 12)
cohort = Cohort.objects.create(name="Drill", starts_on=datetime.date(2026, 1, 1))
note_create(cohort=cohort, author=person, about="cohort", text="Drill note")
journal_entry_save(user=person, module_key=uuid.uuid4(), booklet_key=uuid.uuid4(),
                   prompt_id="q1", prompt="?", body="Drill entry")
"""
READ_USER_ROWS = """
from curriculum.models import JournalEntry
from workshops.models import FacilitatorNote
print(FacilitatorNote.objects.get().text, "/", JournalEntry.objects.get(prompt_id="q1").body)
"""


def summary(rows: int, files: int) -> str:
    """What the commands print, in the language they speak (the site's)."""
    with translation.override(settings.LANGUAGE_CODE):
        return differences_summary(rows, files)


class Site:
    """A database and a media folder of their own, driven through manage.py."""

    def __init__(self, database_url: str, media: Path):
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(media),
            "SECRET_KEY": SECRET_KEY,
            "FACILITATOR_NOTES_KEYS": KEY,
            "REDIS_URL": "",
        }
        self.media = media

    def manage(self, *args: str, check: bool = True, **env: str):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=600,
        )
        if check and result.returncode:
            pytest.fail(f"manage.py {' '.join(args)}: {result.stdout}{result.stderr}")
        return result


@pytest.fixture(scope="module")
def fresh_sites(tmp_path_factory):
    """Two fresh sites on the suite's kind of database: two new PostgreSQL databases when
    the suite runs on PostgreSQL, two SQLite files otherwise."""
    folder = tmp_path_factory.mktemp("drill")
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield [Site(f"sqlite:///{folder}/{n}.sqlite3", folder / f"media-{n}") for n in "ab"]
        return
    import psycopg

    names = [f"{urlsplit(url).path.strip('/')}_drill_{n}" for n in "ab"]
    server = urlsplit(url)._replace(path="/postgres").geturl()

    def recreate(create: bool):
        with psycopg.connect(server, autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
                if create:
                    admin.execute(f'CREATE DATABASE "{name}"')

    recreate(create=True)
    yield [
        Site(urlsplit(url)._replace(path=f"/{name}").geturl(), folder / f"media-{name}")
        for name in names
    ]
    recreate(create=False)


@pytest.fixture(scope="module")
def drill(fresh_sites, tmp_path_factory):
    """The demo plus a note and a journal entry on one site, backed up and restored
    into the other."""
    source, target = fresh_sites
    backup = tmp_path_factory.mktemp("backup") / "claves"
    source.manage("migrate", "--no-input", "-v0")
    source.manage("seed_demo", "-v0")
    source.manage("shell", "-c", USER_ROWS)
    made = source.manage("backup", str(backup))
    restored = target.manage("restore", str(backup))
    return source, target, backup, made, restored


def test_drill_restores_every_row_and_file_onto_a_fresh_site(drill):
    source, target, backup, _made, restored = drill
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["rows"]["workshops_facilitatornote"] == 1
    assert manifest["rows"]["curriculum_journalentry"] == 1
    assert any(name.startswith("original_images/") for name in manifest["files"])
    assert len(manifest["files"]) > 10
    assert summary(0, 0) in restored.stdout
    assert not restored.stderr
    # The people's own writing opens on the new site with the same key.
    assert "Drill note / Drill entry" in target.manage("shell", "-c", READ_USER_ROWS).stdout
    # And the site it came from still matches the backup.
    assert summary(0, 0) in source.manage("restore", "--check", str(backup)).stdout


def test_check_counts_what_changed_since_the_backup(drill):
    _source, target, backup, _made, _restored = drill
    target.manage(
        "shell", "-c", "from workshops.models import FacilitatorNote as N; N.objects.get().delete()"
    )
    image = next((target.media / "original_images").iterdir())
    image.write_bytes(b"changed")
    result = target.manage("restore", "--check", str(backup), check=False)
    assert result.returncode == 1
    assert summary(1, 1) in result.stderr
    assert "workshops_facilitatornote: 0" in result.stderr
    assert f"original_images/{image.name}" in result.stderr


def test_restore_over_a_site_with_data_needs_force_and_warns_of_a_missing_key(drill):
    _source, target, backup, _made, _restored = drill
    refused = target.manage("restore", str(backup), check=False)
    assert refused.returncode == 1
    assert "--force" in refused.stderr
    other_key = Fernet.generate_key().decode()
    forced = target.manage("restore", "--force", str(backup), FACILITATOR_NOTES_KEYS=other_key)
    assert summary(0, 0) in forced.stdout
    assert "FACILITATOR_NOTES_KEYS" in forced.stderr


def test_backup_holds_no_key(drill):
    _source, _target, backup, _made, _restored = drill
    manifest = (backup / "manifest.json").read_text()
    assert "SECRET_KEY and FACILITATOR_NOTES_KEYS" in json.loads(manifest)["keys"]
    for part in backup.iterdir():
        content = part.read_bytes()
        assert KEY.encode() not in content
        assert SECRET_KEY.encode() not in content
    assert (backup.stat().st_mode & 0o777) == 0o700


@pytest.fixture
def site_media(settings, tmp_path):
    """In-process tests restore nothing, but if one did, it would be into this folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "kept.txt").write_text("kept")
    return tmp_path / "media"


@translation.override("en")
def test_backup_refuses_a_folder_with_files_in_it(tmp_path, db):
    (tmp_path / "something").write_text("x")
    for taken in (tmp_path, tmp_path / "something"):
        with pytest.raises(CommandError, match="not empty"):
            call_command("backup", str(taken))
    assert (tmp_path / "something").read_text() == "x"


@translation.override("en")
def test_restore_refuses_a_folder_that_is_not_a_backup(tmp_path, db):
    with pytest.raises(CommandError, match="not a Claves backup"):
        call_command("restore", str(tmp_path))


@translation.override("en")
def test_restore_refuses_a_backup_from_a_newer_version_before_touching_anything(
    tmp_path, db, site_media
):
    (tmp_path / "database.sqlite3").write_bytes(b"")
    (tmp_path / "database.pgdump").write_bytes(b"")
    (tmp_path / "media.tar").write_bytes(b"")
    manifest = {"database": connection.vendor, "schema": {"accounts": "9999_from_the_future"}}
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(CommandError, match=r"newer version.*accounts\.9999_from_the_future"):
        call_command("restore", "--force", str(tmp_path))


@translation.override("en")
def test_restore_refuses_a_backup_of_the_other_kind_of_database(tmp_path, db, site_media):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    (tmp_path / "manifest.json").write_text(json.dumps({"database": other, "schema": {}}))
    with pytest.raises(CommandError, match=f"holds a {other} database"):
        call_command("restore", "--force", str(tmp_path))


@translation.override("en")
@pytest.mark.parametrize("missing", ["database", "media.tar"])
def test_restore_refuses_an_incomplete_backup_before_touching_anything(
    tmp_path, db, site_media, missing
):
    backup = tmp_path / "backup"
    backup.mkdir()
    manifest = {"database": connection.vendor, "schema": {}, "files": {}, "rows": {}}
    (backup / "manifest.json").write_text(json.dumps(manifest))
    if missing != "database":
        (backup / f"database.{'sqlite3' if connection.vendor == 'sqlite' else 'pgdump'}").touch()
    if missing != "media.tar":
        (backup / "media.tar").touch()
    with pytest.raises(CommandError, match=f"incomplete: .*{missing}"):
        call_command("restore", "--force", str(backup))
    assert (site_media / "kept.txt").read_text() == "kept"
    assert connection.introspection.table_names()
