"""Fill the English catalogue: our source strings are English, so msgstr = msgid.

Run by `make messages` after extraction, so that locale/en has every string and the
catalogue test can demand that no catalogue has an untranslated entry.
"""

import sys
from pathlib import Path

import polib


def fill(po_path: Path) -> int:
    catalogue = polib.pofile(str(po_path))
    filled = 0
    for entry in catalogue:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            # A fuzzy match guessed from another string is wrong for a source catalogue.
            entry.flags.remove("fuzzy")
            entry.msgstr = ""
            entry.msgstr_plural = {}
        if entry.msgid_plural:
            if not any(entry.msgstr_plural.values()):
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
                filled += 1
        elif not entry.msgstr:
            entry.msgstr = entry.msgid
            filled += 1
    catalogue.save()
    return filled


if __name__ == "__main__":
    for name in sys.argv[1:] or ["locale/en/LC_MESSAGES/django.po"]:
        path = Path(name)
        if path.exists():
            print(f"{path}: {fill(path)} string(s) filled")
