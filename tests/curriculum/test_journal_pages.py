"""The journal list of someone who writes a lot: a page at a time, newest first, and the
Markdown rendered when written, kept encrypted like the text."""

import uuid
from unittest import mock

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.urls import reverse
from django.utils import translation

from curriculum import services, views
from curriculum.markdown import RENDERER_VERSION
from curriculum.models import JournalEntry
from curriculum.services import journal_entry_save
from tests.factories import sign_in, trainee

pytestmark = pytest.mark.django_db


def write(person, count: int) -> list[JournalEntry]:
    module_key, booklet_key = uuid.uuid4(), uuid.uuid4()
    return [
        journal_entry_save(
            user=person,
            module_key=module_key,
            booklet_key=booklet_key,
            prompt_id=f"q{n}",
            prompt=f"Question {n}",
            body=f"Answer **number {n}**",
        )
        for n in range(count)
    ]


def listing(client, page=None):
    with translation.override("en"):
        url = reverse("curriculum:journal")
    reply = client.get(url, {"page": page} if page else {})
    assert reply.status_code == 200
    return BeautifulSoup(reply.content.decode(), "html.parser")


def stored(entry, column: str) -> str:
    with connection.cursor() as cursor:
        sql = f"SELECT {column} FROM curriculum_journalentry WHERE id = %s"  # noqa: S608
        cursor.execute(sql, [entry.pk])
        return cursor.fetchone()[0]


def test_a_long_journal_comes_twenty_entries_a_page_newest_first(client):
    person = trainee()
    write(person, 45)
    sign_in(client, person)

    first = listing(client)
    questions = [p.get_text() for p in first.select(".journal__question")]
    assert questions == [f"Question {n}" for n in range(44, 24, -1)]
    nav = first.select_one("nav.pagination")
    assert nav["aria-label"]
    assert nav.select_one("[rel=prev]") is None
    assert nav.select_one("[rel=next]")["href"] == "?page=2"
    assert "Page 1 of 3" in nav.get_text()

    last = listing(client, page=3)
    assert [p.get_text() for p in last.select(".journal__question")] == [
        f"Question {n}" for n in range(4, -1, -1)
    ]
    assert last.select_one("nav.pagination [rel=prev]")["href"] == "?page=2"
    assert last.select_one("nav.pagination [rel=next]") is None


def test_a_short_journal_has_no_page_links(client):
    person = trainee()
    write(person, 3)
    sign_in(client, person)
    assert listing(client).select_one("nav.pagination") is None


def test_the_list_renders_no_markdown_and_the_stored_html_is_encrypted(client):
    person = trainee()
    (entry,) = write(person, 1)
    assert "number 0" not in stored(entry, "body_html")  # a Fernet token, not the text
    assert stored(entry, "body_html").startswith("gAAAAA")
    sign_in(client, person)

    with (
        mock.patch.object(services, "render_markdown") as render,
        mock.patch.object(views, "render_markdown") as render_in_view,
    ):
        page = listing(client)
    render.assert_not_called()
    render_in_view.assert_not_called()
    assert page.select_one(".markdown strong").get_text() == "number 0"


def test_html_from_an_older_renderer_is_rendered_again_and_stored(client):
    person = trainee()
    (entry,) = write(person, 1)
    JournalEntry.objects.filter(pk=entry.pk).update(body_html="<p>stale</p>", body_html_version=0)
    sign_in(client, person)

    page = listing(client)
    assert page.select_one(".markdown strong").get_text() == "number 0"
    entry.refresh_from_db()
    assert entry.body_html_version == RENDERER_VERSION
    assert "<strong>number 0</strong>" in entry.body_html
    assert "stale" not in stored(entry, "body_html")
