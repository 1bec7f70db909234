import re

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


def parse(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("en-GB,en;q=0.9", "/en/"), ("es-MX,es;q=0.8", "/es/"), ("fr-FR", "/es/"), ("", "/es/")],
)
def test_root_redirects_to_the_preferred_language(client, homes, accept_language, expected):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(("language", "other"), [("es", "en"), ("en", "es")])
def test_home_page_speaks_its_language_and_switches_to_the_other(client, homes, language, other):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = parse(response)
    assert html.html["lang"] == language
    assert html.find("h1").get_text() == homes[language].title

    switcher = html.find("nav", class_="language-switcher")
    current = switcher.find(attrs={"aria-current": "true"})
    assert current["lang"] == language
    link = switcher.find("a", hreflang=other)
    assert link["href"] == f"/{other}/"

    followed = client.get(link["href"])
    assert parse(followed).html["lang"] == other


def test_hreflang_links_name_both_translations(client, homes):
    html = parse(client.get("/es/"))
    alternates = {link["hreflang"]: link["href"] for link in html.find_all("link", rel="alternate")}
    assert alternates == {"es": "http://testserver/es/", "en": "http://testserver/en/"}


def test_switcher_falls_back_to_the_home_page_of_a_language_without_translation(client, homes):
    from booklets.models import HomePage

    untranslated = homes["es"].add_child(
        instance=HomePage(title="Solo en español", slug="solo-es", locale=homes["es"].locale)
    )
    html = parse(client.get(untranslated.url))
    link = html.find("nav", class_="language-switcher").find("a", hreflang="en")
    assert link["href"] == "/en/"
    # hreflang promises a translation, so a missing one is not announced.
    hreflangs = [link["hreflang"] for link in html.find_all("link", rel="alternate")]
    assert hreflangs == ["es"]


def test_not_found_page_is_translated(client, homes):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = parse(response)
    assert html.html["lang"] == "en"
    assert html.find("h1").get_text() == "Page not found"
    response = client.get("/es/no-existe/")
    assert parse(response).find("h1").get_text() == "Página no encontrada"


def test_every_page_has_landmarks_and_a_skip_link(client, homes):
    html = parse(client.get("/es/"))
    skip = html.find("a", class_="skip-link")
    assert skip["href"] == "#main"
    assert html.find("main", id="main") is not None
    assert html.find("header") is not None and html.find("footer") is not None
    assert re.search(r"Saltar al contenido", skip.get_text())
