"""Page weight of real module pages: first visit and repeat visit, against the budget.

Builds a throwaway database with the demo curriculum under production settings
(hashed, pre-compressed static files served by WhiteNoise), then requests, as a browser
would, the longest demo module and a module with an interactive activity (before the
reader opens it: the player loads only then, from the activity origin). HTML is
measured gzip-compressed, as nginx sends it; static files as WhiteNoise sends them to a
browser that accepts Brotli and gzip.
Images are excluded, as the budget says. Exit status 1 when over budget.

    .venv/bin/python bench/page_weight.py
"""

import gzip
import os
import secrets
import sys
import tempfile
from pathlib import Path

FIRST_VISIT_BUDGET = 50 * 1024
REPEAT_VISIT_BUDGET = 2 * 1024
ROOT = Path(__file__).resolve().parent.parent


def configure(workdir: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="testserver",
        WAGTAILADMIN_BASE_URL="https://testserver",
        H5P_ORIGIN="https://activities.testserver",
        DATABASE_URL=f"sqlite:///{workdir / 'bench.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        SECURE_SSL_REDIRECT="false",
        FACILITATOR_NOTES_KEYS="m1B0ZpGq2d3iE9uQkqv4m2vQn3yX7y3o5Z0b6v8l9rE=",
        LOG_LEVEL="ERROR",
    )
    import django

    django.setup()


def header_bytes(response) -> int:
    lines = [f"HTTP/1.1 {response.status_code} {response.reason_phrase}"]
    lines += [f"{name}: {value}" for name, value in response.items()]
    return len("\r\n".join(lines).encode()) + 4


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        configure(Path(tmp))
        from django.core.management import call_command
        from django.test import Client

        from booklets.models import ModulePage

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("seed_demo", no_accounts=True, verbosity=0)

        spanish = ModulePage.objects.live().filter(locale__language_code="es")
        longest = max(spanish, key=lambda page: len(page.body.raw_data))
        with_activity = next(
            page
            for page in spanish
            if any(block.block_type == "interactive_activity" for block in page.body)
        )
        client = Client(headers={"accept-encoding": "br, gzip"})
        within = True
        for label, module in (
            ("longest module", longest),
            ("module with an activity", with_activity),
        ):
            within &= measure(client, label, module)
        print("Within budget." if within else "OVER BUDGET.")
        return 0 if within else 1


def measure(client, label, module) -> bool:
    from bs4 import BeautifulSoup

    response = client.get(module.url)
    assert response.status_code == 200, response.status_code
    html = response.content
    rows = [("HTML (gzip)", len(gzip.compress(html, 6)) + header_bytes(response), len(html))]

    soup = BeautifulSoup(html.decode(), "html.parser")
    assets = [link["href"] for link in soup.find_all("link", rel="stylesheet")]
    assets += [script["src"] for script in soup.find_all("script", src=True)]
    assets += [link["href"] for link in soup.find_all("link", rel="preload")]
    long_lived = True
    for url in dict.fromkeys(assets):  # a script used by several blocks loads once
        asset = client.get(url)
        assert asset.status_code == 200, (url, asset.status_code)
        body = b"".join(asset.streaming_content) if asset.streaming else asset.content
        encoding = asset.get("Content-Encoding", "identity")
        rows.append((f"{url} ({encoding})", len(body) + header_bytes(asset), None))
        cache_control = asset.get("Cache-Control", "")
        long_lived &= "immutable" in cache_control or "max-age=31536000" in cache_control

    first_visit = sum(size for _name, size, _raw in rows)

    # Repeat visit: hashed static files are cached for good, so only the page is
    # asked for again, conditionally.
    etag = response.get("ETag")
    repeat = client.get(module.url, headers={"if-none-match": etag or ""})
    repeat_visit = header_bytes(repeat) + len(repeat.content)
    if not long_lived:
        repeat_visit += sum(size for _name, size, _raw in rows[1:])

    print(f"{label.capitalize()}: {module.url} ({len(module.body.raw_data)} blocks)")
    for name, size, raw in rows:
        extra = f" (uncompressed {raw:,} B)" if raw else ""
        print(f"  {name:<60} {size:>8,} B{extra}")
    print(f"  First visit:  {first_visit:>8,} B   budget {FIRST_VISIT_BUDGET:,} B")
    print(
        f"  Repeat visit: {repeat_visit:>8,} B   budget {REPEAT_VISIT_BUDGET:,} B "
        f"(page answered {repeat.status_code}; static files cached for a year: {long_lived})"
    )
    return first_visit <= FIRST_VISIT_BUDGET and repeat_visit <= REPEAT_VISIT_BUDGET


if __name__ == "__main__":
    sys.exit(main())
