"""The language switcher and hreflang links only ever lead to this site's own paths,
whatever path a visitor (or a link someone sent them) asked for."""

import re
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db

# A path of this site: one slash, then anything but another slash or a backslash
# (browsers read "/\host" as "//host"), and no whitespace or control characters
# (browsers drop tabs and newlines, turning "/\t/host" into "//host").
OWN_PATH = re.compile(r"^/(?![/\\])[^\x00-\x20\x7f\\]*$")

HOSTILE_PATHS = [
    "/%2Fevil.example/",
    "/%2F%2Fevil.example/",
    "/%5Cevil.example/",
    "/%5C%5Cevil.example/",
    "/es//evil.example/",
    "/en//evil.example/",
    "/es/%2Fevil.example/",
    "/en/%2F%2Fevil.example/",
    "/es/%5Cevil.example/",
    "/es/\\evil.example/",
    "/es/%5C%5Cevil.example/",
    "/es/%09/evil.example/",
    "/es/%0D%0A/evil.example/",
    "/es/no-existe/?next=//evil.example/",
]


def links_of(response):
    html = BeautifulSoup(response.content.decode(), "html.parser")
    switcher = [a["href"] for a in html.select("nav.language-switcher a")]
    hreflangs = [link["href"] for link in html.find_all("link", rel="alternate")]
    return switcher, hreflangs


@pytest.mark.parametrize("path", HOSTILE_PATHS)
def test_switcher_and_hreflang_never_lead_to_another_host(client, homes, path):
    response = client.get(path)
    assert response.status_code == 404
    switcher, hreflangs = links_of(response)
    assert switcher, "the not-found page still offers the other language"
    for href in switcher:
        assert OWN_PATH.match(href), href
    for href in hreflangs:
        parts = urlsplit(href)
        assert parts.scheme == "http" and parts.netloc == "testserver", href
        assert OWN_PATH.match(parts.path), href


@pytest.mark.parametrize(
    ("path", "other"), [("/es//evil.example/", "/en/"), ("/en/%5Cevil.example/", "/es/")]
)
def test_a_path_that_cannot_be_translated_switches_to_the_other_home_page(
    client, homes, path, other
):
    switcher, hreflangs = links_of(client.get(path))
    assert switcher == [other]
    # A path that does not resolve has no translation to announce.
    assert hreflangs == []


def test_a_view_that_is_not_a_page_still_switches_to_the_same_view(client, homes):
    switcher, hreflangs = links_of(client.get("/es/accounts/login/?next=/es/"))
    assert switcher == ["/en/accounts/login/?next=/es/"]
    assert "http://testserver/en/accounts/login/?next=/es/" in hreflangs


@pytest.mark.parametrize(
    ("url", "own"),
    [
        ("/", True),
        ("/es/", True),
        ("/en/accounts/login/?next=//evil.example/", True),
        ("//evil.example/", False),
        ("/\\evil.example/", False),
        ("\\\\evil.example/", False),
        ("/\t/evil.example/", False),
        ("/\r\n/evil.example/", False),
        ("http://evil.example/", False),
        ("https://testserver/es/", False),
        ("javascript:alert(1)", False),
        ("es/", False),
        ("", False),
    ],
)
def test_only_own_paths_are_own_paths(url, own):
    from booklets.templatetags.language_tags import is_own_path

    assert is_own_path(url) is own
