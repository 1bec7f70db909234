"""The home page greets a first-time reader with where to start, and a returning one with
where they left off, only when they really left off somewhere."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from tests.factories import BookletPageFactory, ModulePageFactory, sign_in, trainee

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def series(homes):
    """Two booklets of two modules each, in English (the home page read in /en/)."""
    english = Locale.objects.get(language_code="en")
    home = homes["en"]
    assert home.locale == english
    booklets = [
        BookletPageFactory(parent=home, title=title, number=number, locale=english)
        for number, title in ((1, "Political repression and fear"), (2, "Forced disappearance"))
    ]
    modules = [
        ModulePageFactory(parent=booklet, title=f"{booklet.title}, module {n}", locale=english)
        for booklet in booklets
        for n in (1, 2)
    ]
    return {"booklets": booklets, "modules": modules}


def start_here(page):
    return page.select_one(".start-here")


def assert_greets_a_first_visit(page, first_booklet):
    block = start_here(page)
    assert block is not None, "no 'where to start' for a first-time reader"
    link = block.select_one("a")
    assert link["href"] == first_booklet.url
    assert first_booklet.title in link.get_text()
    # How the series works, in one line, beside the link.
    assert "module" in block.get_text()
    # It comes before the introduction and the booklet cards, near the top.
    everything = page.select(".start-here, .lead, #booklets-heading, .way-in")
    assert everything[0] is block


def test_an_anonymous_reader_is_told_where_to_start(client, series):
    page = parse(client.get("/en/"))
    assert_greets_a_first_visit(page, series["booklets"][0])
    assert page.select_one(".continue") is None


def test_a_new_account_is_not_told_to_continue_a_module_never_opened(client, series):
    sign_in(client, trainee())
    page = parse(client.get("/en/"))
    assert page.select_one(".continue") is None
    assert "left off" not in page.get_text()
    assert_greets_a_first_visit(page, series["booklets"][0])


def test_a_returning_reader_continues_where_they_left_off(client, series):
    sign_in(client, trainee())
    first, second = series["modules"][:2]
    client.post(f"/en/progress/{first.pk}/")
    page = parse(client.get("/en/"))
    assert page.select_one(".continue a")["href"] == second.url
    assert start_here(page) is None


def test_someone_who_studied_everything_is_neither_greeted_nor_sent_back(client, series):
    sign_in(client, trainee())
    for module in series["modules"]:
        client.post(f"/en/progress/{module.pk}/")
    page = parse(client.get("/en/"))
    assert page.select_one(".continue") is None
    assert start_here(page) is None


def test_no_booklets_no_greeting(client, homes):
    page = parse(client.get("/en/"))
    assert start_here(page) is None
