"""Bytes transferred to save each demo booklet to read offline, against the budget.

Builds a throwaway database with the demo curriculum under production settings (as
bench/page_weight.py does), then, for each booklet in each language, asks for what the
service worker asks for when a reader presses "Save to read offline": the worker's
script, the booklet's offline manifest, every page it lists and the static files and
images those pages use (found as site/static/js/offline-sw.js finds them). Pages are
measured gzip-compressed, as nginx sends them; static files as WhiteNoise sends them to a
browser that accepts Brotli and gzip. Nothing is counted as already in the browser's
cache: the first save is the worst case. Exit status 1 when a booklet is over budget.

    .venv/bin/python bench/offline_bytes.py
"""

import gzip
import json
import re
import sys
import tempfile
from pathlib import Path

from page_weight import configure, header_bytes

SAVE_BUDGET = 200 * 1024
# The same tags the worker reads: stylesheets, scripts and images on our own origin.
TAG = re.compile(r"<(link|script|img)\b[^>]*>", re.IGNORECASE)
ADDRESS = re.compile(r'\s(?:src|href)="([^"]+)"')


def assets_of(html: str) -> list[str]:
    found = []
    for match in TAG.finditer(html):
        element, kind = match.group(0), match.group(1).lower()
        if kind == "link" and 'rel="stylesheet"' not in element:
            continue
        address = ADDRESS.search(element)
        if address and address.group(1).startswith("/") and not address.group(1).startswith("//"):
            found.append(address.group(1).replace("&amp;", "&"))
    return found


def page_bytes(client, url: str) -> tuple[int, str]:
    """A page or JSON answer as it travels: gzip-compressed body and headers."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(gzip.compress(response.content, 6)) + header_bytes(response), response.content


def asset_bytes(client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return len(body) + header_bytes(response)


def measure(client, booklet) -> int:
    from django.urls import reverse
    from django.utils import translation

    with translation.override(booklet.locale.language_code):
        manifest_url = reverse("booklets:offline_manifest", args=[booklet.pk])
    total, _body = page_bytes(client, "/sw.js")
    size, manifest = page_bytes(client, manifest_url)
    total += size
    assets = {}
    for page in json.loads(manifest)["pages"]:
        size, html = page_bytes(client, page["url"])
        total += size
        assets.update(dict.fromkeys(assets_of(html.decode())))
    total += sum(asset_bytes(client, url) for url in assets)
    return total


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        configure(Path(tmp))
        from django.core.management import call_command
        from django.test import Client

        from booklets.models import BookletPage

        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        call_command("seed_demo", no_accounts=True, verbosity=0)

        client = Client(headers={"accept-encoding": "br, gzip"})
        booklets = BookletPage.objects.live().order_by("locale__language_code", "number")
        within = True
        print("Saving a booklet to read offline (first save, compressed):")
        for booklet in booklets.select_related("locale"):
            total = measure(client, booklet)
            within &= total <= SAVE_BUDGET
            language = booklet.locale.language_code
            print(f"  {language} {booklet.number}. {booklet.title:<45} {total:>9,} B")
        print(f"  Budget per booklet: {SAVE_BUDGET:,} B")
        print("Within budget." if within else "OVER BUDGET.")
        return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
