"""Compile every django.po under a folder into its .mo, with polib.

Django's `compilemessages` needs GNU gettext's msgfmt, which a fresh machine may not
have; polib comes with our pinned dependencies (through wagtail-localize).
"""

import sys
from pathlib import Path

import polib


def compile_catalogues(root: Path) -> int:
    count = 0
    for po_path in sorted(root.glob("*/LC_MESSAGES/*.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        count += 1
    return count


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "locale")
    compiled = compile_catalogues(folder)
    print(f"compiled {compiled} catalogue(s) under {folder}/")
