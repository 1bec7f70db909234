"""A new edition keeps the earlier one readable, marked superseded, with what changed."""

import pytest
from bs4 import BeautifulSoup

from booklets.models import BookletPage, Edition, ModulePage
from booklets.selectors import edition_next_number
from booklets.services import edition_start
from tests.factories import BookletPageFactory, ModulePageFactory, block, body, sign_in, trainee

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def parse(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def second_edition(homes):
    booklet = publish(
        BookletPageFactory(
            parent=homes["es"],
            title="Detención arbitraria",
            number=4,
            edition_number=2,
            edition_year=2021,
        )
    )
    kept = publish(
        ModulePageFactory(
            parent=booklet,
            title="Privar de la libertad",
            slug="privar",
            body=body(block("text", "<p>Texto de la segunda edición.</p>")),
        )
    )
    dropped = publish(ModulePageFactory(parent=booklet, title="Módulo retirado", slug="retirado"))
    return booklet, kept, dropped


def test_publishing_edition_3_keeps_edition_2_readable_and_superseded(client, second_edition):
    booklet, kept, dropped = second_edition
    person = trainee()
    sign_in(client, person)
    client.post(f"/es/progress/{kept.pk}/")  # studied on edition 2

    edition_start(booklet=booklet, number=edition_next_number(booklet=booklet), year=2026)
    booklet = BookletPage.objects.get(pk=booklet.pk)
    booklet.edition_notes = "Nuevo módulo sobre audiencias."
    booklet = publish(booklet)
    kept.body = body(block("text", "<p>Texto revisado de la tercera edición.</p>"))
    kept = publish(kept)
    publish(ModulePageFactory(parent=booklet, title="Preparar la audiencia", slug="audiencia"))
    dropped.unpublish()

    assert set(Edition.objects.filter(booklet=booklet).values_list("number", flat=True)) == {2, 3}

    old_contents = parse(client.get(f"{booklet.url}edition/2/"))
    assert "sustituida por la edición 3" in old_contents.select_one(".superseded").get_text()
    titles = [a.get_text() for a in old_contents.select(".toc__title")]
    # The module unpublished since is withdrawn from edition 2 as well.
    assert titles == ["Privar de la libertad"]
    assert client.get(f"{booklet.url}edition/2/retirado/").status_code == 404

    old_module = parse(client.get(f"{booklet.url}edition/2/privar/"))
    assert "Texto de la segunda edición." in old_module.get_text()
    assert old_module.select_one(".superseded a")["href"] == kept.url
    current = parse(client.get(kept.url))
    assert "Texto revisado de la tercera edición." in current.get_text()

    # Progress made on edition 2 still counts for the module that carries on.
    toc = parse(client.get(booklet.url))
    studied = [li.select_one(".toc__title").get_text() for li in toc.select(".toc__item--studied")]
    assert studied == ["Privar de la libertad"]
    assert toc.body["class"] == ["booklet-page", f"theme-{booklet.theme_colour}"]
    earlier = toc.select("main #editions-heading")
    assert len(earlier) == 1 and len(toc.select("#editions-heading")) == 1
    assert "Edición 2, 2021" in earlier[0].find_parent("section").get_text()

    changes = parse(client.get(f"{booklet.url}changes/2/"))
    assert [a.get_text() for a in changes.select(".changes--added li")] == ["Preparar la audiencia"]
    assert [h.get_text() for h in changes.select(".changes--changed h3")] == [
        "Privar de la libertad"
    ]
    changed_text = changes.select_one(".changes--changed .block-change--changed")
    assert [i.get_text() for i in changed_text.select("ins")] == ["revisado", "tercera"]
    assert [d.get_text() for d in changed_text.select("del")] == ["segunda"]
    assert [li.get_text() for li in changes.select(".changes--removed li")] == ["Módulo retirado"]


def test_an_unknown_edition_is_not_found_and_the_current_one_redirects(client, second_edition):
    booklet, _kept, _dropped = second_edition
    assert client.get(f"{booklet.url}edition/7/").status_code == 404
    assert client.get(f"{booklet.url}edition/2/")["Location"] == booklet.url
    assert client.get(f"{booklet.url}edition/2/privar/")["Location"] == booklet.url
    assert BookletPage.objects.get(pk=booklet.pk).edition_number == 2
    assert ModulePage.objects.child_of(booklet).count() == 2
