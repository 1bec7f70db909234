"""Editors can open, edit and preview every page type and the glossary in the admin."""

import pytest
from django.conf import settings
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    StandardPageFactory,
    block,
    body,
    editor,
    sign_in,
    superuser,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(homes):
    booklet = BookletPageFactory(parent=homes["es"], title="Tortura y tortura sexual")
    module = ModulePageFactory(
        parent=booklet,
        title="Qué busca la tortura",
        body=body(
            block("text", "<p>Texto público.</p>"),
            block("facilitator_note", {"note": "<p>Nota de preparación.</p>"}),
        ),
    )
    standard = StandardPageFactory(parent=homes["es"], title="Cuídate")
    return [homes["es"], booklet, module, standard]


@pytest.fixture
def admin_client(client):
    sign_in(client, superuser())
    return client


def test_every_page_type_opens_in_the_editor(admin_client, pages):
    for page in pages:
        response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code == 200, type(page).__name__


def test_every_page_type_previews_with_facilitator_notes_for_the_editor(admin_client, pages):
    # The preview request carries the editor's session, as it does from the admin.
    session = admin_client.cookies[settings.SESSION_COOKIE_NAME].value
    original = RequestFactory().get(
        "/admin/", headers={"cookie": f"{settings.SESSION_COOKIE_NAME}={session}"}
    )
    for page in pages:
        response = page.make_preview_request(original_request=original)
        assert response.status_code == 200, type(page).__name__
        assert page.title in response.content.decode()
    module_preview = pages[2].make_preview_request(original_request=original).content.decode()
    assert "Nota de preparación." in module_preview


def test_glossary_is_edited_through_its_snippet_screens(admin_client, homes):
    term = GlossaryTermFactory(term="Salud mental")
    listing = admin_client.get(reverse("wagtailsnippets_curriculum_glossaryterm:list"))
    assert listing.status_code == 200
    assert "Salud mental" in listing.content.decode()
    edit = admin_client.get(reverse("wagtailsnippets_curriculum_glossaryterm:edit", args=[term.pk]))
    assert edit.status_code == 200


def test_the_preview_is_the_site_even_when_the_site_record_names_the_activity_host(
    client, pages, settings
):
    # Under `make run` the site is on 127.0.0.1 and activities on localhost, while the
    # default Wagtail site record (migration 0002) is "localhost": a preview request is
    # built for that host, and must still be the site's page, framable by the admin.
    settings.H5P_ORIGIN = "http://localhost:8000"
    sign_in(client, editor())
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    original = RequestFactory().get(
        "/admin/", headers={"cookie": f"{settings.SESSION_COOKIE_NAME}={session}"}
    )
    module = pages[2]
    assert "localhost" in module.full_url

    response = module.make_preview_request(original_request=original)

    assert response.status_code == 200
    assert "Texto público." in response.content.decode()
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "SAMEORIGIN"
