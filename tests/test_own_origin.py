"""No page asks a browser to fetch anything from another host."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from wagtail.models import Page

pytestmark = pytest.mark.django_db

OUR_HOSTS = {"", "testserver"}
URL_IN_CSS = re.compile(r"url\(\s*['\"]?([^'\")]+)")
IMPORT_IN_CSS = re.compile(r"@import\s+['\"]([^'\"]+)")


def foreign(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme in {"data", "mailto", "tel"}:
        return False
    return parts.netloc not in OUR_HOSTS or parts.scheme not in {"", "http", "https"}


def references_in_html(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    refs = []
    for tag in soup.find_all(True):
        for attribute in ("src", "href", "action", "poster", "data", "formaction"):
            if tag.has_attr(attribute):
                refs.append(tag[attribute])
        if tag.has_attr("srcset"):
            refs += [candidate.split()[0] for candidate in tag["srcset"].split(",")]
        if tag.has_attr("style"):
            refs += URL_IN_CSS.findall(tag["style"])
    for style in soup.find_all("style"):
        refs += URL_IN_CSS.findall(style.get_text()) + IMPORT_IN_CSS.findall(style.get_text())
    return refs


def stylesheet_references(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    refs = []
    for link in soup.find_all("link", rel="stylesheet"):
        path = finders.find(urlsplit(link["href"]).path.removeprefix("/static/"))
        assert path, f"stylesheet {link['href']} is not one of ours"
        css = open(path, encoding="utf-8").read()  # noqa: SIM115
        refs += URL_IN_CSS.findall(css) + IMPORT_IN_CSS.findall(css)
    return refs


def pages_checked(client) -> int:
    """Fetch every live page (and a 404), fail on any reference to another host, and
    return how many were checked."""
    urls = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    for url in [*urls, "/es/no-such-page/", "/en/no-such-page/"]:
        response = client.get(url)
        assert response.status_code in {200, 404}, url
        html = response.content.decode()
        offenders = [
            ref for ref in references_in_html(html) + stylesheet_references(html) if foreign(ref)
        ]
        assert offenders == [], f"{url} references other hosts: {offenders}"
    return len(urls) + 2


def test_no_rendered_page_references_another_host(client, homes):
    """The home pages and the 404 page here; every page type and block in the demo's
    tests (tests/demo/)."""
    assert pages_checked(client) >= 4


def test_the_checker_catches_a_foreign_reference():
    html = (
        '<link rel="preconnect" href="https://fonts.example.com">'
        '<div style="background:url(//cdn.example.net/x.png)"></div>'
    )
    assert [ref for ref in references_in_html(html) if foreign(ref)] == [
        "https://fonts.example.com",
        "//cdn.example.net/x.png",
    ]


def test_pages_forbid_other_origins_by_content_security_policy(client, homes, settings):
    policy = client.get("/es/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"].split()[0] == "'self'"
    assert all(source.startswith("'sha256-") for source in directives["script-src"].split()[1:])
    assert directives["frame-ancestors"] == "'none'"
    # The one other origin: the activity origin, and only for frames.
    assert directives["frame-src"] == f"'self' {settings.H5P_ORIGIN}"
    assert "http" not in policy.replace(settings.H5P_ORIGIN, "")
