"""Issue 16, checked as its finders would: every Spanish page an anonymous reader, a
trainee and a facilitator reach (the one-voice crawl's world), read for what the other
tests do not read across the whole crawl: jargon ("Markdown", "snippet", "slug"), titles,
buttons and labels in Title Case, promises of notifications, English left untranslated,
and dates written as numbers."""

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import translate_url

from tests.accounts.test_one_voice import _Texts, _title_case_words
from tests.factories import BookletPageFactory, ModulePageFactory, block, body, sign_in
from tests.test_one_voice_crawl import client_fetch, crawl, crawl_world

JARGON = re.compile(r"\b(markdown|snippets?|slugs?)\b", re.IGNORECASE)
PROMISES = re.compile(r"notificaci", re.IGNORECASE)
# English words a Spanish sentence never holds: a label or a sentence left in English.
ENGLISH = re.compile(
    r"\b(the|your|you|and|with|this|please|version|save|submit|sign in|sign out"
    r"|password|email|settings|next|previous|back)\b",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
# Names that keep their capitals inside a title (the series and its places).
PROPER = {"Claves", "QR", "TOTP", "English", "Español", "Mayús", "Marta"}


class _Pieces(_Texts):
    """As the one-voice parser, with each element inside a title, button or link read
    apart: "Anterior" and the module's title in a pager link are two texts."""

    def handle_starttag(self, tag, attrs):
        for entry in self._open:
            entry[1] += " | "
        super().handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        super().handle_endtag(tag)
        for entry in self._open:
            entry[1] += " | "


def _problems(html: str) -> list[str]:
    parser = _Pieces()
    parser.feed(html)
    text = " ".join(" ".join(parser.text).split())

    def around(match):
        return f"…{text[max(match.start() - 40, 0) : match.end() + 40]}…"

    found = [f"jargon: {around(m)}" for m in JARGON.finditer(text)]
    found += [f"promise: {around(m)}" for m in PROMISES.finditer(text)]
    found += [f"English: {around(m)}" for m in ENGLISH.finditer(text)]
    found += [f"numeric date: {around(m)}" for m in NUMERIC_DATE.finditer(text)]
    found += [
        f"Title Case: {short!r}"
        for short in parser.short
        if [w for w in _title_case_words(short.replace("|", ".")) if w not in PROPER]
    ]
    return found


def _text_of(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    return parser.text


def test_the_checks_catch_what_issue_16_saw():
    assert _problems("<p>Puedes usar Markdown: **negritas**</p>")
    assert _problems("<label>Version:</label>")
    assert _problems("<h1>Restablecer Contraseña</h1>")
    assert _problems("<p>lunes 30 noviembre, 07/12/2026 08:05</p>")
    assert not _problems("<h1>Restablecer la contraseña</h1><p>lunes 30 de noviembre</p>")


@pytest.mark.django_db
def test_every_spanish_page_is_plain_spanish_in_sentence_case(homes):
    world = crawl_world(homes)
    found, errors = [], []
    for who, person in world.people.items():
        client = Client()
        if person is not None:
            sign_in(client, person)
        fetch = client_fetch(client, errors, who)
        for path, html in crawl(fetch, ["/es/", *world.known[who]], "es"):
            found += [f"{who} {path}: {problem}" for problem in _problems(html)]
        # In English too, a formatting hint names no markup language.
        english = [translate_url(path, "en") for path in world.known[who]]
        for path, html in crawl(client_fetch(client, [], who), ["/en/", *english], "en"):
            text = " ".join(" ".join(_text_of(html)).split())
            found += [f"{who} {path}: jargon {m.group(0)}" for m in JARGON.finditer(text)]
    assert errors == [], errors
    assert sorted(set(found)) == [], "\n".join(sorted(set(found)))


class _Landmarks(HTMLParser):
    """The names of a page's complementary landmarks (aside), as a screen reader lists them."""

    def __init__(self):
        super().__init__()
        self.names, self.ids = [], {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.setdefault(attrs["id"], []).append(tag)
        if tag == "aside":
            self.names.append(attrs.get("aria-label") or attrs.get("aria-labelledby"))


@pytest.mark.django_db
def test_two_reflection_questions_on_a_module_are_landmarks_told_apart(client, homes):
    module = ModulePageFactory(
        parent=BookletPageFactory(parent=homes["es"], title="Desaparición forzada"),
        title="Una pérdida sin cierre",
        body=body(
            block("reflection_question", {"question": "¿Qué te sostiene?", "guidance": ""}),
            block("reflection_question", {"question": "¿A quién buscas?", "guidance": ""}),
        ),
    )
    landmarks = _Landmarks()
    landmarks.feed(client.get(module.url).content.decode())
    assert len(landmarks.names) == 2
    assert len(set(landmarks.names)) == 2, f"two asides named alike: {landmarks.names}"
    # Named by an element of the page (its question), each one there once.
    assert all(len(landmarks.ids.get(name, [])) == 1 for name in landmarks.names)
