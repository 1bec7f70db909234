"""Signed-out readers' pages come from the cache (booklets.page_cache): cheap for the
server, purged when what they show is published, and never anyone's own page."""

from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.test import Client
from django.urls import path
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import Locale

from booklets.models import BookletPage, ModulePage
from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    block,
    body,
    facilitator,
    sign_in,
)

pytestmark = pytest.mark.django_db

SECRET = "Ofrece siempre la opción de salir de la sala"


def _published(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def booklet(homes):
    return _published(BookletPageFactory(parent=homes["es"], title="Miedo"))


@pytest.fixture
def module(booklet):
    return _published(
        ModulePageFactory(
            parent=booklet,
            title="Conceptos",
            body=body(
                block("text", "<p>Texto para todas las personas.</p>"),
                block("facilitator_note", {"note": f"<p>{SECRET}.</p>"}),
            ),
        )
    )


@pytest.fixture
def english_module(homes, booklet, module):
    english = Locale.objects.get(language_code="en")
    english_booklet = booklet.copy_for_translation(english)
    english_booklet.title = "Fear"
    _published(english_booklet)
    translation = module.copy_for_translation(english)
    translation.title = "Concepts"
    return _published(translation)


def _render_counter():
    """Counts the module pages Wagtail actually serves (what the cache spares)."""
    return mock.patch.object(ModulePage, "serve", autospec=True, side_effect=ModulePage.serve)


def test_a_signed_out_reader_gets_a_page_a_shared_cache_may_keep(module):
    answer = Client().get(module.url)
    assert answer.status_code == 200
    cache_control = {part.strip() for part in answer["Cache-Control"].split(",")}
    assert {"public", "max-age=60", "s-maxage=600"} <= cache_control
    assert answer.has_header("ETag")
    assert not answer.cookies


def test_the_second_reader_is_served_from_the_cache_in_one_query(
    module, django_assert_max_num_queries
):
    first = Client().get(module.url)
    with _render_counter() as served, django_assert_max_num_queries(1):
        second = Client().get(module.url)
    assert served.call_count == 0
    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == first["Content-Type"]
    assert second.has_header("Content-Security-Policy")


def test_a_conditional_get_with_the_current_etag_is_answered_without_rendering(module):
    etag = Client().get(module.url)["ETag"]
    with _render_counter() as served:
        answer = Client().get(module.url, headers={"If-None-Match": etag})
    assert answer.status_code == 304
    assert answer.content == b""
    assert served.call_count == 0


def test_publishing_a_module_purges_it_in_both_languages_and_its_contents(
    booklet, module, english_module
):
    english_booklet = english_module.get_parent()
    urls = [module.url, english_module.url, booklet.url, english_booklet.url, "/es/", "/en/"]
    for url in urls:
        assert Client().get(url).status_code == 200

    module.title = "Conceptos básicos"
    _published(module)
    english_module.title = "Basic concepts"
    _published(english_module)

    assert "Conceptos básicos" in Client().get(module.url).content.decode()
    assert "Conceptos básicos" in Client().get(booklet.url).content.decode()
    assert "Basic concepts" in Client().get(english_module.url).content.decode()
    assert "Basic concepts" in Client().get(english_booklet.url).content.decode()


def test_the_spanish_purge_alone_reaches_the_english_page(booklet, module, english_module):
    # The English page shows the Spanish one in its language switcher and hreflang.
    Client().get(english_module.url)
    module.slug = "conceptos-clave"
    _published(module)
    new_url = f"{booklet.url}conceptos-clave/"
    assert new_url in Client().get(english_module.url).content.decode()


def test_an_unpublished_page_is_gone_at_once(module):
    assert Client().get(module.url).status_code == 200
    module.unpublish()
    assert Client().get(module.url).status_code == 404


def test_an_unpublished_page_is_gone_even_if_the_purge_was_lost(module):
    # Redis away while it was unpublished: the cache never heard of it.
    assert Client().get(module.url).status_code == 200
    ModulePage.objects.filter(pk=module.pk).update(live=False)
    assert Client().get(module.url).status_code == 404


def test_a_glossary_term_published_reaches_the_glossary(homes):
    assert "Miedo" not in Client().get("/es/glosario/").content.decode()
    GlossaryTermFactory(term="Miedo", definition="Una emoción.")
    assert "Miedo" in Client().get("/es/glosario/").content.decode()


def test_a_facilitators_render_never_reaches_a_signed_out_reader(client, module):
    sign_in(client, facilitator())
    seen = client.get(module.url)
    assert SECRET in seen.content.decode()
    assert "no-store" in seen["Cache-Control"]
    assert not seen.has_header("ETag")

    for _ in range(2):  # rendered, then from the cache
        answer = Client().get(module.url)
        assert answer.status_code == 200
        assert SECRET not in answer.content.decode()


def test_a_facilitator_is_never_served_the_signed_out_page(client, module):
    Client().get(module.url)
    sign_in(client, facilitator())
    with _render_counter() as served:
        seen = client.get(module.url)
    assert served.call_count == 1
    assert SECRET in seen.content.decode()


def test_a_conditional_get_from_a_signed_in_browser_gets_its_own_page(client, module):
    etag = Client().get(module.url)["ETag"]
    sign_in(client, facilitator())
    answer = client.get(module.url, headers={"If-None-Match": etag})
    assert answer.status_code == 200
    assert SECRET in answer.content.decode()


def test_a_browser_that_signs_in_does_not_reuse_the_signed_out_page(module):
    # Without Vary: Cookie, the browser would show the signed-out page again (no
    # progress, no notes) for a minute after signing in.
    assert "Cookie" in Client().get(module.url)["Vary"]


@pytest.mark.parametrize(
    "request_kwargs",
    [
        {"QUERY_STRING": "x=1"},
        {"HTTP_COOKIE": "messages=abc"},
        {"HTTP_AUTHORIZATION": "Basic eDp5"},
    ],
    ids=["query string", "a cookie", "credentials"],
)
def test_requests_that_may_differ_are_rendered_every_time(module, request_kwargs):
    Client().get(module.url)
    with _render_counter() as served:
        Client().get(module.url, **request_kwargs)
    assert served.call_count == 1


def test_the_print_view_is_cached_apart_from_the_contents(booklet, module):
    contents = Client().get(booklet.url)
    printed = Client().get(booklet.url + "print/")
    assert printed.status_code == 200
    assert printed["ETag"] != contents["ETag"]
    again = Client().get(booklet.url + "print/")
    assert again.content == printed.content


def test_errors_and_signed_out_private_pages_are_not_cached(homes):
    answer = Client().get("/es/no-existe/")
    assert answer.status_code == 404
    assert "no-store" in answer["Cache-Control"]
    assert "no-store" in Client().get("/es/diario/")["Cache-Control"]


def test_a_page_made_private_is_not_served_from_the_cache(module):
    from wagtail.models import PageViewRestriction

    Client().get(module.url)
    PageViewRestriction.objects.create(page=module, restriction_type=PageViewRestriction.LOGIN)
    assert Client().get(module.url).status_code == 302


def test_moving_a_module_purges_the_contents_it_left(homes, booklet, module):
    other = _published(BookletPageFactory(parent=homes["es"], title="Desplazamiento"))
    assert "Conceptos" in Client().get(booklet.url).content.decode()
    ModulePage.objects.get(pk=module.pk).move(other, pos="last-child")
    assert (
        "Conceptos" not in Client().get(BookletPage.objects.get(pk=booklet.pk).url).content.decode()
    )


class RecordingFrontCache(BaseBackend):
    """An HTTP cache in front that writes down what it is asked to forget."""

    purged: list[str] = []

    def purge(self, url):
        self.purged.append(url)


def test_publishing_asks_a_front_cache_to_forget_the_pages_that_show_the_module(
    settings, booklet, module, english_module, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "test": {"BACKEND": "tests.booklets.test_page_cache.RecordingFrontCache"}
    }
    RecordingFrontCache.purged = []
    with django_capture_on_commit_callbacks(execute=True):
        _published(module)
    paths = {urlsplit(url).path for url in RecordingFrontCache.purged}
    english_booklet = english_module.get_parent()
    expected = {module.url, english_module.url, booklet.url, english_booklet.url}
    expected |= {booklet.url + "print/", english_booklet.url + "print/", "/es/", "/en/"}
    assert expected <= paths


def test_nginx_answering_404_for_a_page_it_does_not_hold_is_not_an_error(caplog):
    """nginx's cache-purge module answers 404 for a page it does not hold; a purge
    server that is down is logged, quickly."""
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from booklets.frontend_purge import NginxPurgeBackend

    asked = []

    class PurgeServer(BaseHTTPRequestHandler):
        def do_PURGE(self):
            asked.append((self.headers["Host"], self.path))
            self.send_response(404 if self.path.startswith("/en/") else 200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), PurgeServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        backend = NginxPurgeBackend({"LOCATION": f"http://127.0.0.1:{server.server_port}"})
        backend.purge("https://claves.example.org/es/miedo/")
        backend.purge("https://claves.example.org/en/fear/")
    finally:
        server.shutdown()
        server.server_close()
    assert asked == [("claves.example.org", "/es/miedo/"), ("claves.example.org", "/en/fear/")]
    assert not caplog.records

    NginxPurgeBackend({"LOCATION": f"http://127.0.0.1:{server.server_port}"}).purge(
        "https://claves.example.org/es/"
    )
    assert "Could not purge" in caplog.text


def _public_view(request):
    _public_view.calls += 1
    return HttpResponse("Resultados para todas las personas")


urlpatterns = i18n_patterns(path("buscar/", _public_view), prefix_default_language=True)


def test_a_public_answer_from_any_other_view_is_never_kept(homes, settings):
    """Only page views and the glossary are kept: a search answer, or any view added
    later, is the view's own business (e.g. no-store), whatever it looks like."""
    settings.ROOT_URLCONF = __name__
    _public_view.calls = 0
    for _ in range(2):
        answer = Client().get("/es/buscar/")
        assert answer.status_code == 200
        assert "public" not in answer.get("Cache-Control", "")
    assert _public_view.calls == 2


def test_starting_an_edition_reaches_the_cached_contents(booklet, module):
    from booklets.services import edition_start

    before = Client().get(booklet.url).content.decode()
    assert "/edition/1/" not in before
    edition_start(booklet=booklet, number=2, year=2027)
    after = Client().get(booklet.url).content.decode()
    assert "2027" in after
    assert "/edition/1/" in after


def test_an_activity_withdrawn_leaves_the_cached_module(homes, booklet, activity):
    page = _published(
        ModulePageFactory(
            parent=booklet,
            body=body(block("interactive_activity", {"activity": activity.pk, "introduction": ""})),
        )
    )
    assert "data-frame-src" in Client().get(page.url).content.decode()
    activity.unpublish()
    assert "data-frame-src" not in Client().get(page.url).content.decode()
