"""Importing a full edition from Markdown: seconds and database queries.

Writes throwaway editions of 12 modules (40 and then 80 blocks each) and of 6 modules
(40 blocks each) into a temporary folder and imports each into a throwaway database,
printing seconds and queries. The query count should grow with modules, not with blocks.

    .venv/bin/python bench/import_edition.py
"""

import os
import secrets
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BLOCK_CYCLE = [
    "Un párrafo sobre el acompañamiento y sus **tensiones** número {n}.",
    "## Subtítulo {n}",
    "- primera idea {n}\n- segunda idea {n}",
    "> Una frase dicha en el seminario {n}.\n> — Participante",
    "::: pause Pausa {n}\nRespira despacio.\n:::",
    "::: warning Habla de violencia {n}.\nRelato breve {n}.\n:::",
    "::: facilitator\nCuida los tiempos {n}.\n:::",
    "::: concept trauma-psicosocial\nCómo aparece aquí {n}.\n:::",
]


def write_edition(folder: Path, modules: int, blocks: int) -> None:
    folder.mkdir(parents=True)
    kinds = ["concepts", "context", "examples", "tools", "facilitation"]
    for m in range(modules):
        # Text, headings and lists merge into one block, so count what the importer makes:
        # quotes, pauses, warnings, notes and concepts are one block each.
        parts = [BLOCK_CYCLE[(n % 5) + 3].format(n=n) for n in range(blocks)]
        text = "\n\n".join(parts)
        (folder / f"{m + 1:02d}-modulo-{m + 1}.md").write_text(
            f"---\nbooklet: 1\nedition: 3\nkind: {kinds[m % 5]}\nminutes: 20\n---\n"
            f"# Módulo {m + 1}\n\n{text}\n",
            encoding="utf-8",
        )


def configure(workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        configure(workdir)
        from django.core.management import call_command
        from django.db import connection, transaction
        from django.test.utils import CaptureQueriesContext
        from wagtail.models import Locale

        from booklets.importer import import_booklet
        from booklets.models import BookletPage
        from booklets.services import site_structure_ensure
        from curriculum.models import GlossaryTerm

        call_command("migrate", verbosity=0)
        site_structure_ensure()
        GlossaryTerm.objects.create(
            locale=Locale.objects.get(language_code="es"),
            term="Trauma psicosocial",
            definition="Un daño social y colectivo.",
        )
        results = []
        # The first run fills per-process caches (content types); it is not measured.
        for modules, blocks in [(1, 5), (12, 40), (12, 80), (6, 40)]:
            folder = workdir / f"edition-{modules}-{blocks}"
            write_edition(folder, modules, blocks)
            with transaction.atomic():
                BookletPage.objects.filter(number=1).delete()
            start = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                report = import_booklet(folder, "es")
            seconds = time.perf_counter() - start
            assert len(report.created) == modules + 1, report
            if (modules, blocks) == (1, 5):
                continue
            results.append((modules, blocks, seconds, len(queries)))
            print(
                f"{modules:>3} modules x {blocks:>3} blocks: {seconds:6.2f} s, "
                f"{len(queries):>5} queries ({len(queries) / modules:.1f} per module)"
            )
        by_blocks = results[0][3] == results[1][3]
        by_modules = results[2][3] < results[0][3]
        print(
            "Query count independent of blocks per module:",
            by_blocks,
            "| grows with modules:",
            by_modules,
        )
        return 0 if by_blocks and by_modules else 1


if __name__ == "__main__":
    sys.exit(main())
