"""Writing in the journal on a phone: the save status beside the button, a formatting
hint in plain words."""

import pytest
from bs4 import BeautifulSoup
from django.urls import resolve, reverse
from django.utils import translation

from tests.factories import sign_in, trainee

pytestmark = pytest.mark.django_db


def journal_form(client, module):
    html = BeautifulSoup(client.get(module.url).content.decode(), "html.parser")
    spanish = resolve(html.select_one(".reflection__journal a")["href"])
    with translation.override("en"):
        link = reverse(spanish.view_name, kwargs=spanish.kwargs)
    response = client.get(link)
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def test_the_journal_status_sits_beside_the_save_button(client, module):
    sign_in(client, trainee())
    html = journal_form(client, module)
    row = html.select_one("form .save-row")
    assert row.select_one("[data-autosave-status][role=status]") is not None
    assert [b.get_text().strip() for b in row.select("button[type=submit]")] == ["Save"]


def test_the_journal_hint_speaks_plainly_and_comes_before_the_box(client, module):
    sign_in(client, trainee())
    html = journal_form(client, module)
    assert "Markdown" not in html.get_text()
    hint = html.select_one("#id_body_helptext")
    assert "Only you can read this." in hint.get_text()
    assert "**like this**" in hint.get_text()
    field = hint.find_parent(class_="field")
    order = [el.get("id") or el.name for el in field.find_all(["label", "div", "textarea"])]
    assert order.index("id_body_helptext") < order.index("id_body")
    assert html.select_one("form[data-autosave-form]")["data-autosave-hint"] == (
        "Saved as you write."
    )
