"""A search's cost: database queries and milliseconds, over the demo curriculum plus a
generated one of 12 booklets (6 modules of 30 blocks each, in Spanish).

The query count must not grow with the curriculum (the budget below holds for any size);
milliseconds are printed to compare runs on one machine. A throwaway SQLite database by
default; BENCH_DATABASE_URL=postgres://… measures PostgreSQL (that database is migrated
and filled: give it an empty one).

    .venv/bin/python bench/search.py
"""

import json
import os
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERY_BUDGET = 14
GENERATED_BOOKLETS = 12
MODULES_PER_BOOKLET = 6
BLOCKS_PER_MODULE = 30
SEARCHES = [
    ("es", "fosa clandestina"),
    ("es", "desaparicion"),
    ("es", "acompañamiento psicosocial"),
    ("es", "desapar"),
    ("en", "forced disappearance"),
    ("es", "ornitorrinco"),
]
SENTENCE = (
    "acompañamiento duelo familias memoria búsqueda desaparición comunidad miedo "
    "resistencia cuidado trauma desplazamiento tortura detención defensa"
)
WORDS = SENTENCE.split()


def configure(workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    database = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{workdir / 'bench.sqlite3'}")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=database,
        MEDIA_ROOT=str(workdir / "media"),
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()


def module_body(seed: int) -> str:
    blocks = []
    for n in range(BLOCKS_PER_MODULE):
        words = " ".join(WORDS[(seed + n + k) % len(WORDS)] for k in range(40))
        blocks.append({"type": "text", "value": f"<p>{words}.</p>", "id": str(uuid.uuid4())})
    return json.dumps(blocks)


def generate_curriculum() -> None:
    from booklets.models import BookletPage, HomePage, ModulePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    kinds = ["concepts", "context", "examples", "tools", "facilitation", "concepts"]
    for b in range(GENERATED_BOOKLETS):
        booklet = home.add_child(
            instance=BookletPage(
                title=f"Cuadernillo generado {b + 1}",
                slug=f"generado-{b + 1}",
                number=20 + b,
                summary="Generado para medir la búsqueda.",
            )
        )
        for m in range(MODULES_PER_BOOKLET):
            booklet.add_child(
                instance=ModulePage(
                    title=f"Módulo {b + 1}.{m + 1}",
                    slug=f"modulo-{m + 1}",
                    kind=kinds[m],
                    body=module_body(b * MODULES_PER_BOOKLET + m),
                )
            )


def measure(client, url: str, query: str) -> tuple[int, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url, {"q": query})  # warm: site roots, templates
    timings = []
    for _ in range(5):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, {"q": query})
            timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    return len(queries.captured_queries), statistics.median(timings)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        configure(Path(tmp))
        from django.core.management import call_command
        from django.test import Client
        from django.urls import reverse
        from django.utils import translation

        from booklets.models import ModulePage

        call_command("migrate", verbosity=0)
        call_command("seed_demo", no_accounts=True, verbosity=0)
        generate_curriculum()
        client = Client(SERVER_NAME="127.0.0.1")
        modules = ModulePage.objects.live().count()
        print(f"Searching {modules} live modules (demo plus {GENERATED_BOOKLETS} booklets):")
        within = True
        for language, query in SEARCHES:
            with translation.override(language):
                url = reverse("search:search")
            queries, milliseconds = measure(client, url, query)
            within &= queries <= QUERY_BUDGET
            print(f"  {language} {query!r:<32} {queries:>3} queries {milliseconds:>8.1f} ms")
        print(f"  Budget: {QUERY_BUDGET} queries a search, whatever the curriculum's size")
        print("Within budget." if within else "OVER BUDGET.")
        return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
