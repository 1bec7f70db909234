"""A module taken off the site (unpublished) is withdrawn from earlier editions too:
their contents no longer list it and its old text is no longer served. The frozen
edition records themselves stay as they were."""

import pytest
from bs4 import BeautifulSoup

from booklets.models import BookletPage, EditionModule
from booklets.services import edition_start
from tests.factories import BookletPageFactory, ModulePageFactory, block, body

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def titles(client, url) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200
    html = BeautifulSoup(response.content.decode(), "html.parser")
    return [a.get_text() for a in html.select(".toc__title")]


@pytest.fixture
def third_edition(homes):
    """Edition 2 had two modules; edition 3 is the current one."""
    booklet = publish(
        BookletPageFactory(parent=homes["es"], title="Tortura", number=5, edition_number=2)
    )
    kept = publish(ModulePageFactory(parent=booklet, title="Definiciones", slug="definiciones"))
    withdrawn = publish(
        ModulePageFactory(
            parent=booklet,
            title="Testimonio",
            slug="testimonio",
            body=body(block("text", "<p>Relato con datos que ponen a alguien en riesgo.</p>")),
        )
    )
    edition_start(booklet=booklet, number=3, year=None)
    return BookletPage.objects.get(pk=booklet.pk), kept, withdrawn


def test_an_unpublished_module_is_no_longer_read_in_an_earlier_edition(client, third_edition):
    booklet, _kept, withdrawn = third_edition
    assert titles(client, f"{booklet.url}edition/2/") == ["Definiciones", "Testimonio"]
    assert client.get(f"{booklet.url}edition/2/testimonio/").status_code == 200
    frozen = list(EditionModule.objects.filter(edition__number=2).values_list("title", "revision"))

    withdrawn.unpublish()

    assert titles(client, f"{booklet.url}edition/2/") == ["Definiciones"]
    response = client.get(f"{booklet.url}edition/2/testimonio/")
    assert response.status_code == 404
    assert "ponen a alguien en riesgo" not in response.content.decode()
    assert client.get(f"{booklet.url}edition/2/definiciones/").status_code == 200
    # Withdrawn at reading time: the frozen record is untouched.
    assert (
        list(EditionModule.objects.filter(edition__number=2).values_list("title", "revision"))
        == frozen
    )


def test_a_module_unpublished_before_its_edition_was_frozen_is_not_read_either(client, homes):
    booklet = publish(BookletPageFactory(parent=homes["es"], title="Desplazamiento", number=3))
    publish(ModulePageFactory(parent=booklet, title="Conceptos", slug="conceptos"))
    withdrawn = publish(ModulePageFactory(parent=booklet, title="Caso", slug="caso"))
    withdrawn.unpublish()  # no publish follows: the record of edition 1 still names it
    edition_start(booklet=booklet, number=2, year=None)
    booklet = BookletPage.objects.get(pk=booklet.pk)

    assert titles(client, f"{booklet.url}edition/1/") == ["Conceptos"]
    assert client.get(f"{booklet.url}edition/1/caso/").status_code == 404


def test_a_module_published_again_is_read_again_in_its_earlier_edition(client, third_edition):
    """Withdrawal follows the module's page: live again, its edition-2 text is read
    again as it stood then (to remove an old text for good, delete the page)."""
    booklet, kept, _withdrawn = third_edition
    kept.unpublish()
    assert titles(client, f"{booklet.url}edition/2/") == ["Testimonio"]
    kept.body = body(block("text", "<p>Texto de la tercera edición.</p>"))
    publish(kept)
    assert titles(client, f"{booklet.url}edition/2/") == ["Definiciones", "Testimonio"]
    old = client.get(f"{booklet.url}edition/2/definiciones/").content.decode()
    assert "Texto de la tercera edición." not in old
