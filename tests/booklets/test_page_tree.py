"""Editors cannot build a wrong tree, and readers find their way through it."""

import pytest
from bs4 import BeautifulSoup

from booklets.models import BookletPage, HomePage, ModulePage, StandardPage
from booklets.selectors import facilitator_guides
from tests.factories import BookletPageFactory, ModulePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_page_types_only_go_where_they_belong(homes):
    home = homes["es"]
    booklet = BookletPageFactory(parent=home)
    module = ModulePageFactory(parent=booklet)
    assert BookletPage.can_create_at(home)
    assert StandardPage.can_create_at(home)
    assert not ModulePage.can_create_at(home)
    assert ModulePage.can_create_at(booklet)
    assert not BookletPage.can_create_at(booklet)
    assert not StandardPage.can_create_at(booklet)
    assert not ModulePage.can_create_at(module)
    assert not HomePage.can_create_at(booklet)


def test_home_shows_each_booklet_as_a_card_with_its_live_module_count(client, homes):
    second = BookletPageFactory(parent=homes["es"], number=2, title="Desaparición forzada")
    first = BookletPageFactory(parent=homes["es"], number=1, title="Represión política y miedo")
    ModulePageFactory(parent=first)
    ModulePageFactory(parent=first)
    ModulePageFactory(parent=first, live=False)
    ModulePageFactory(parent=second)

    html = parse(client.get("/es/"))
    cards = html.select(".booklet-card")
    assert [card.select_one(".booklet-card__title").get_text(strip=True) for card in cards] == [
        "Represión política y miedo",
        "Desaparición forzada",
    ]
    assert cards[0].select_one(".booklet-card__number").get_text() == "Cuadernillo 1"
    assert cards[0].select_one(".booklet-card__meta").get_text() == "2 módulos"
    assert cards[1].select_one(".booklet-card__meta").get_text() == "1 módulo"
    assert "theme-teal" in cards[0]["class"]


def test_each_facilitator_guide_is_listed_with_its_own_booklet_in_series_order(client, homes):
    second = BookletPageFactory(parent=homes["es"], number=2, title="Desaparición forzada")
    first = BookletPageFactory(parent=homes["es"], number=1, title="Represión política y miedo")
    hidden = BookletPageFactory(parent=homes["es"], number=3, live=False)
    ModulePageFactory(parent=second, kind="facilitation", title="Guía B")
    ModulePageFactory(parent=first, kind="concepts")
    ModulePageFactory(parent=first, kind="facilitation", title="Guía A")
    ModulePageFactory(parent=hidden, kind="facilitation", title="Guía C")

    html = parse(client.get("/es/"))
    assert [li.get_text(" ", strip=True) for li in html.select(".way-in ul li")] == [
        "1. Represión política y miedo (Guía A)",
        "2. Desaparición forzada (Guía B)",
    ]
    guides = facilitator_guides(locale=homes["es"].locale)
    assert [(g.booklet.title, g.title) for g in guides] == [
        ("Represión política y miedo", "Guía A"),
        ("Desaparición forzada", "Guía B"),
    ]


def test_booklet_contents_list_modules_in_order_with_kind_and_time(client, homes):
    booklet = BookletPageFactory(parent=homes["en"], title="Forced displacement")
    ModulePageFactory(
        parent=booklet, title="Losing one's place", kind="concepts", estimated_minutes=25
    )
    ModulePageFactory(
        parent=booklet,
        title="A family in the city",
        kind="examples",
        estimated_minutes=15,
        sensitivity="sensitive",
    )
    html = parse(client.get(booklet.url))
    items = html.select(".toc__item")
    assert [item.select_one(".toc__title").get_text() for item in items] == [
        "Losing one's place",
        "A family in the city",
    ]
    assert "Concepts" in items[0].select_one(".toc__meta").get_text()
    assert "25 min" in items[0].select_one(".toc__meta").get_text()
    assert "Sensitive: speaks of violence" in items[1].get_text()
    assert "2 modules, about 40 minutes in all." in html.get_text()


def test_module_links_to_its_neighbours_and_shows_breadcrumbs(client, homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Detención arbitraria")
    first = ModulePageFactory(parent=booklet, title="Primero")
    middle = ModulePageFactory(parent=booklet, title="En medio")
    last = ModulePageFactory(parent=booklet, title="Último")

    html = parse(client.get(middle.url))
    assert html.select_one("a[rel=prev]")["href"] == first.url
    assert html.select_one("a[rel=next]")["href"] == last.url
    crumbs = [li.get_text(strip=True) for li in html.select(".breadcrumbs li")]
    assert crumbs == [homes["es"].title, "Detención arbitraria", "En medio"]
    assert "Módulo 2 de 3" in html.select_one(".module-header__kind").get_text()

    first_html = parse(client.get(first.url))
    assert first_html.select_one("a[rel=prev]") is None
    last_html = parse(client.get(last.url))
    assert last_html.select_one("a[rel=next]") is None


def test_standard_page_renders_its_body(client, homes):
    from tests.factories import block, body

    page = StandardPageFactory(
        parent=homes["es"],
        title="Consejos de seguridad",
        body=body(block("text", "<p>Cierra sesión al terminar.</p>")),
    )
    html = parse(client.get(page.url))
    assert html.find("h1").get_text() == "Consejos de seguridad"
    assert "Cierra sesión al terminar." in html.select_one(".block-text").get_text()
