"""Studying a module: progress across languages, care for the reader, private pages."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page

from curriculum.models import ModuleProgress
from tests.factories import BookletPageFactory, ModulePageFactory, block, body, sign_in, trainee

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture
def series(homes):
    """A booklet of three modules in Spanish, translated into English."""
    english = Locale.objects.get(language_code="en")
    booklet = BookletPageFactory(parent=homes["es"], title="Desplazamiento forzado", number=3)
    modules = [
        ModulePageFactory(
            parent=booklet,
            title=f"Módulo {n}",
            body=body(
                block(
                    "content_warning",
                    {
                        "warning": "Habla de una huida.",
                        "content": [block("text", "<p>Relato duro.</p>")],
                    },
                ),
                block("reflection_question", {"question": f"¿Pregunta {n}?", "guidance": ""}),
            ),
        )
        for n in (1, 2, 3)
    ]
    english_booklet = booklet.copy_for_translation(english)
    english_booklet.slug = "forced-displacement"
    english_booklet.save_revision().publish()
    english_modules = []
    for module in modules:
        translated = module.copy_for_translation(english)
        translated.title = module.title.replace("Módulo", "Module")
        translated.save_revision().publish()
        english_modules.append(Page.objects.get(pk=translated.pk).specific)
    english_booklet = Page.objects.get(pk=english_booklet.pk).specific
    return {
        "booklet": booklet,
        "modules": modules,
        "english_booklet": english_booklet,
        "english_modules": english_modules,
    }


def test_progress_made_in_spanish_shows_as_done_in_english(client, series, homes):
    sign_in(client, trainee())
    first = series["modules"][0]
    response = client.post(f"/es/progress/{first.pk}/")
    assert response.status_code == 302

    english_toc = parse(client.get(series["english_booklet"].url))
    items = english_toc.select(".toc__item")
    assert "toc__item--studied" in items[0]["class"]
    assert "toc__item--studied" not in items[1]["class"]
    assert "1 of 3 studied" in english_toc.select_one(".toc__progress").get_text()

    english_module = parse(client.get(series["english_modules"][0].url))
    assert english_module.select_one(".studied__done").get_text() == "You studied this module."

    english_home = parse(client.get("/en/"))
    assert english_home.select_one(".booklet-card__progress").get_text() == "1 of 3 studied"
    assert ModuleProgress.objects.count() == 1


def test_marking_twice_keeps_one_record_and_undo_removes_it(client, series):
    person = trainee()
    sign_in(client, person)
    first = series["modules"][0]
    client.post(f"/es/progress/{first.pk}/")
    client.post(f"/en/progress/{series['english_modules'][0].pk}/")
    assert ModuleProgress.objects.filter(user=person).count() == 1
    client.post(f"/es/progress/{first.pk}/", {"undo": "1"})
    assert not ModuleProgress.objects.filter(user=person).exists()


def test_skipping_a_content_warning_does_not_stop_completion(client, series):
    person = trainee()
    sign_in(client, person)
    module = series["modules"][1]
    page = parse(client.get(module.url))
    skip = page.select_one(".content-warning__skip a")["href"]
    assert page.select_one(skip.replace("#", "#", 1)) is not None  # the skip target exists
    assert page.select_one("details.content-warning__details").get("open") is None
    client.post(f"/es/progress/{module.pk}/")  # marked without ever opening the warning
    assert ModuleProgress.objects.filter(user=person, module_key=module.translation_key).exists()


def test_continue_where_you_left_off_goes_to_the_next_module(client, series, homes):
    sign_in(client, trainee())
    client.post(f"/es/progress/{series['modules'][0].pk}/")
    home = parse(client.get("/es/"))
    link = home.select_one(".continue a")
    assert link["href"] == series["modules"][1].url


def test_anonymous_readers_read_everything_and_nothing_is_stored(client, series, homes):
    page = parse(client.get(series["modules"][0].url))
    assert page.select_one("form.studied") is None
    assert "Relato duro." in page.get_text()
    assert page.select_one(".reflection__journal") is None
    response = client.post(f"/es/progress/{series['modules'][0].pk}/")
    assert response["Location"].startswith("/es/accounts/login/")
    assert not ModuleProgress.objects.exists()
    assert parse(client.get("/es/")).select_one(".continue") is None


def test_sensitive_content_opens_straight_away_for_who_asked(client, series):
    person = trainee(show_sensitive_content=True)
    sign_in(client, person)
    page = parse(client.get(series["modules"][0].url))
    assert page.select_one("details.content-warning__details").has_attr("open")


def test_signed_in_pages_are_never_stored_but_public_ones_are_cacheable(client, series):
    module = series["modules"][0]
    anonymous = client.get(module.url)
    assert "no-store" not in anonymous.get("Cache-Control", "")
    assert anonymous.has_header("ETag")
    sign_in(client, trainee())
    signed_in = client.get(module.url)
    assert "no-store" in signed_in["Cache-Control"]
    assert not signed_in.has_header("ETag")


def test_booklets_and_sensitive_modules_link_safety_and_self_care(client, homes, series):
    from tests.factories import StandardPageFactory

    safety = StandardPageFactory(parent=homes["es"], title="Consejos de seguridad")
    care = StandardPageFactory(parent=homes["es"], title="Cuídate")
    homes["es"].safety_page, homes["es"].self_care_page = safety, care
    homes["es"].save()
    series["modules"][0].sensitivity = "sensitive"
    series["modules"][0].save()
    for url in (series["booklet"].url, series["modules"][0].url):
        links = {a.get_text(): a["href"] for a in parse(client.get(url)).select(".care-links a")}
        assert links == {"Cuídate": care.url, "Consejos de seguridad": safety.url}


def test_quick_exit_without_javascript_signs_out_and_leaves(client, homes, settings):
    settings.QUICK_EXIT_URL = "https://example.org/weather"
    sign_in(client, trainee())
    html = parse(client.get("/es/"))
    exit_link = html.select_one("a.quick-exit")
    assert exit_link.get_text(strip=True).startswith("Salida rápida")
    response = client.get(exit_link["href"])
    assert response.status_code == 302
    assert response["Location"] == "https://example.org/weather"
    assert '"cache"' in response["Clear-Site-Data"]
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert client.get("/es/accounts/profile/").status_code == 302  # signed out
