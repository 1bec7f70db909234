"""Every UI string exists, translated, in locale/es and locale/en, and the catalogues
are current with the code."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from accounts import allauth_voice

BASE_DIR = Path(__file__).resolve().parent.parent
CATALOGUES = sorted(BASE_DIR.glob("locale/*/LC_MESSAGES/django.po"))
SKIP_WHEN_COPYING = {".venv", ".git", "node_modules", "media", "static", ".test-media"}


def test_both_languages_have_a_catalogue():
    languages = {path.parent.parent.name for path in CATALOGUES}
    assert languages == {"es", "en"}


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.parent.parent.name)
def test_catalogue_has_no_untranslated_or_fuzzy_string(path):
    catalogue = polib.pofile(str(path))
    untranslated = [e.msgid for e in catalogue.untranslated_entries()]
    fuzzy = [e.msgid for e in catalogue.fuzzy_entries()]
    plural_forms = int(catalogue.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    untranslated += [
        e.msgid
        for e in catalogue
        if e.msgid_plural and sum(1 for form in e.msgstr_plural.values() if form) < plural_forms
    ]
    assert untranslated == [], f"untranslated in {path}: {untranslated}"
    assert fuzzy == [], f"fuzzy in {path}: {fuzzy}"


def _msgids(path: Path) -> set[str]:
    return {e.msgid for e in polib.pofile(str(path)) if not e.obsolete}


@pytest.mark.skipif(
    shutil.which("xgettext") is None and not os.environ.get("CI"),
    reason="GNU gettext (xgettext) is not installed; CI installs it",
)
def test_catalogues_are_current_with_the_code(tmp_path):
    """Extract the strings afresh from a copy of the source and compare: a string added
    to the code but not to the catalogues (`make messages`) fails here."""
    copy = tmp_path / "src"
    shutil.copytree(
        BASE_DIR,
        copy,
        ignore=lambda _dir, names: [
            n for n in names if n in SKIP_WHEN_COPYING or n.endswith((".sqlite3", ".mo"))
        ],
    )
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "es",
            "-l",
            "en",
            "--no-location",
            "--no-obsolete",
        ],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for committed in CATALOGUES:
        fresh = copy / committed.relative_to(BASE_DIR)
        missing = _msgids(fresh) - _msgids(committed)
        stale = _msgids(committed) - _msgids(fresh)
        assert not missing, f"{committed}: run `make messages`; missing {sorted(missing)}"
        assert not stale, f"{committed}: run `make messages`; no longer used {sorted(stale)}"


def test_english_catalogue_repeats_the_english_source_strings():
    """English is the source language: a different English msgstr is a fuzzy guess
    that slipped through, and would show the wrong words. Only allauth's and Django's own
    msgids (accounts/allauth_voice.py) are reworded on purpose."""
    reworded = {msgid for msgid in allauth_voice.MSGIDS if isinstance(msgid, str)}
    catalogue = polib.pofile(str(BASE_DIR / "locale/en/LC_MESSAGES/django.po"))
    wrong = [
        (entry.msgid, entry.msgstr)
        for entry in catalogue.translated_entries()
        if not entry.msgid_plural and entry.msgstr != entry.msgid and entry.msgid not in reworded
    ]
    assert wrong == []
