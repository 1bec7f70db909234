"""A signed-in module page renders its shared body once per live revision, language and
kind of reader, and never hands one reader kind's body to another."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    BookletPageFactory,
    ModulePageFactory,
    block,
    body,
    facilitator,
    sign_in,
    trainee,
)

pytestmark = pytest.mark.django_db

NOTE = "Deja tiempo para el silencio"


@pytest.fixture
def module(homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Fortalecimiento")
    return ModulePageFactory(
        parent=booklet,
        title="El desgaste",
        body=body(
            block("text", f'<p>Primer texto, <a linktype="page" id="{booklet.pk}">ver</a>.</p>'),
            block("facilitator_note", {"note": f"<p>{NOTE}.</p>"}),
            block("reflection_question", {"question": "¿Qué te recupera?", "guidance": ""}),
        ),
    )


def page_for(client, module) -> str:
    reply = client.get(module.url)
    assert reply.status_code == 200
    assert "no-store" in reply["Cache-Control"] or not reply.wsgi_request.user.is_authenticated
    return reply.content.decode()


def test_a_facilitators_body_never_reaches_a_trainee_or_a_signed_out_reader(module):
    lead, reader = Client(), Client()
    sign_in(lead, facilitator())
    sign_in(reader, trainee())
    assert NOTE in page_for(lead, module)
    assert NOTE in page_for(lead, module)  # from the cache

    assert NOTE not in page_for(reader, module)
    assert NOTE not in page_for(Client(), module)
    assert NOTE in page_for(lead, module)


def test_a_trainees_body_keeps_its_journal_links_and_a_signed_out_one_has_none(module):
    reader = Client()
    sign_in(reader, trainee())
    assert "reflection__journal" in page_for(reader, module)
    assert "reflection__journal" not in page_for(Client(), module)
    assert "reflection__journal" in page_for(reader, module)


def test_a_new_revision_shows_its_text_at_once(module):
    reader = Client()
    sign_in(reader, trainee())
    assert "Primer texto" in page_for(reader, module)

    module.body = body(block("text", "<p>Texto corregido.</p>"))
    module.save_revision().publish()
    page = page_for(reader, module)
    assert "Texto corregido" in page
    assert "Primer texto" not in page


def test_a_signed_in_module_page_asks_the_database_less(module):
    reader = Client()
    sign_in(reader, trainee())
    page_for(reader, module)  # warm: the body is rendered and cached
    with CaptureQueriesContext(connection) as queries:
        page_for(reader, module)
    # 23 when the body was rendered each time (its page links read), the other
    # language's page looked up and the module routed slug by slug each time.
    assert len(queries) == 15


def test_each_reader_gets_their_own_csrf_token_in_a_cached_body(homes, activity):
    from bs4 import BeautifulSoup
    from django.middleware.csrf import CSRF_SESSION_KEY, _does_token_match

    booklet = BookletPageFactory(parent=homes["es"], title="Con actividad")
    with_activity = ModulePageFactory(
        parent=booklet,
        body=body(block("interactive_activity", {"activity": activity.pk, "introduction": ""})),
    )
    tokens = []
    for _ in range(2):
        reader = Client()
        sign_in(reader, trainee())
        page = BeautifulSoup(page_for(reader, with_activity), "html.parser")
        token = page.select_one("[data-csrf]")["data-csrf"]
        assert _does_token_match(token, reader.session[CSRF_SESSION_KEY])  # their own
        tokens.append(token)
    assert tokens[0] != tokens[1]


def test_a_translation_published_shows_in_the_language_switcher_at_once(module):
    from wagtail.models import Locale

    reader = Client()
    sign_in(reader, trainee())
    assert '<link rel="alternate" hreflang="en"' not in page_for(reader, module)

    english_locale = Locale.objects.get(language_code="en")
    english_booklet = module.get_parent().copy_for_translation(english_locale)
    english_booklet.save_revision().publish()
    english = module.copy_for_translation(english_locale)
    english.save_revision().publish()
    english.refresh_from_db()
    alternate = f'<link rel="alternate" hreflang="en" href="http://testserver{english.url}">'
    assert alternate in page_for(reader, module)


def test_a_module_unpublished_or_moved_is_not_found_at_its_old_address_at_once(module):
    reader = Client()
    sign_in(reader, trainee())
    old_address = module.url
    page_for(reader, module)  # its route is cached

    module.unpublish()
    assert reader.get(old_address).status_code == 404
    module.save_revision().publish()
    assert reader.get(old_address).status_code == 200

    module.slug = "otro-nombre"
    module.save_revision().publish()
    assert reader.get(old_address).status_code == 404
    module.refresh_from_db()
    assert "Primer texto" in page_for(reader, module)
