"""Facilitator-only notes reach facilitators and editors, and nobody else, anywhere."""

import pytest
from django.contrib.auth.models import AnonymousUser

from accounts.roles import is_facilitator, is_facilitator_account
from booklets.models import ModulePage
from tests.factories import (
    BookletPageFactory,
    ModulePageFactory,
    block,
    body,
    editor,
    facilitator,
    sign_in,
    superuser,
    trainee,
)

pytestmark = pytest.mark.django_db

SECRET = "Ofrece siempre la opción de salir de la sala"
PUBLIC = "La tortura busca quebrar a la persona"


@pytest.fixture
def module(homes):
    booklet = BookletPageFactory(parent=homes["es"])
    page = ModulePageFactory(
        parent=booklet,
        body=body(
            block("text", f"<p>{PUBLIC}.</p>"),
            block("facilitator_note", {"note": f"<p>{SECRET}.</p>"}),
        ),
    )
    page.save_revision().publish()
    return ModulePage.objects.get(pk=page.pk)


@pytest.mark.parametrize(
    ("who", "sees_note"),
    [
        ("anonymous", False),
        ("trainee", False),
        ("facilitator", True),
        ("editor", True),
        ("superuser", True),
    ],
)
def test_note_is_in_the_html_only_for_facilitators_and_editors(client, module, who, sees_note):
    users = {
        "anonymous": None,
        "trainee": lambda: trainee(),
        "facilitator": lambda: facilitator(),
        "editor": lambda: editor(),
        "superuser": lambda: superuser(),
    }
    if users[who]:
        sign_in(client, users[who]())
    html = client.get(module.url).content.decode()
    assert PUBLIC in html
    assert (SECRET in html) is sees_note
    assert ("facilitator-note" in html) is sees_note


def test_inactive_facilitator_is_not_a_facilitator(rf):
    person = facilitator(is_active=False)
    assert not is_facilitator_account(person)
    assert not is_facilitator_account(AnonymousUser())
    request = rf.get("/")
    request.session, request.user = {}, person
    assert not is_facilitator(request)
    assert not is_facilitator(None)


def test_note_never_reaches_the_search_index(module):
    searchable = module.body.stream_block.get_searchable_content(module.body)
    assert any(PUBLIC in text for text in searchable)
    assert not any(SECRET in text for text in searchable)
    assert list(ModulePage.objects.live().search("quebrar")) == [module.page_ptr.specific]
    assert list(ModulePage.objects.live().search("sala")) == []


def test_note_renders_to_nothing_without_a_request(module):
    # A template that forgets to pass the request must fail closed.
    assert SECRET not in str(module.body)
    assert SECRET not in module.body.render_as_block()
