"""Editions are started on purpose, by a moderator, and a frozen edition never changes.

Edition N is frozen by "Start edition N+1" (an admin action for moderators). After that,
nothing an editor or a moderator publishes, reorders, unpublishes or renumbers changes
it; the current edition's record follows what is live, whatever the order things are
approved in; and "what changed" shows the changed text itself.
"""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from accounts.roles import EDITORS, MODERATORS
from booklets.models import BookletPage, Edition, EditionModule, ModulePage
from tests.factories import (
    BookletPageFactory,
    ModulePageFactory,
    UserFactory,
    block,
    body,
    sign_in,
)

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def approve(page, user):
    """An editor's submitted draft approved by a moderator, as in the admin."""
    page = type(page).objects.get(pk=page.pk)
    workflow = page.get_workflow()
    workflow.start(page, user=user)
    state = type(page).objects.get(pk=page.pk).current_workflow_task_state
    state.task.specific.on_action(state, user, "approve")
    return type(page).objects.get(pk=page.pk)


def draft(module, text):
    module = ModulePage.objects.get(pk=module.pk).get_latest_revision_as_object()
    module.body = body(block("text", f"<p>{text}</p>"))
    module.save_revision()
    return module


def parse(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


def frozen(booklet, number):
    """Everything a reader of edition `number` depends on, as stored."""
    edition = Edition.objects.get(booklet=booklet, number=number)
    modules = list(
        EditionModule.objects.filter(edition=edition).values_list(
            "module_key", "slug", "title", "position", "revision"
        )
    )
    return (edition.year, edition.notes, edition.booklet_revision_id, modules)


def start_url(booklet):
    return reverse("booklet_start_edition", args=[booklet.pk])


@pytest.fixture
def moderator():
    return UserFactory(groups=[MODERATORS], mfa=True)


@pytest.fixture
def booklet(homes):
    """Edition 2 of a booklet with two modules, live in Spanish and English."""
    booklet = publish(
        BookletPageFactory(
            parent=homes["es"],
            title="Desaparición forzada",
            number=2,
            edition_number=2,
            edition_year=2021,
            edition_notes="Segunda edición.",
        )
    )
    publish(
        ModulePageFactory(
            parent=booklet,
            title="La búsqueda",
            slug="busqueda",
            body=body(
                block("text", "<p>Las familias buscan juntas.</p>"),
                block("quote", {"quote": "Hasta encontrarles.", "attribution": "Una madre"}),
            ),
        )
    )
    publish(
        ModulePageFactory(
            parent=booklet,
            title="La memoria",
            slug="memoria",
            body=body(block("text", "<p>Recordar es resistir.</p>")),
        )
    )
    return BookletPage.objects.get(pk=booklet.pk)


def modules_of(booklet):
    return {m.slug: m for m in ModulePage.objects.child_of(booklet)}


def start(client, moderator, booklet, year=2026):
    sign_in(client, moderator)
    booklet = BookletPage.objects.get(pk=booklet.pk)
    response = client.post(start_url(booklet), {"number": booklet.edition_number + 1, "year": year})
    assert response.status_code == 302, response.status_code
    return BookletPage.objects.get(pk=booklet.pk)


def test_a_moderator_starts_the_next_edition_and_the_earlier_one_is_frozen(
    client, booklet, moderator
):
    sign_in(client, moderator)
    page = client.get(start_url(booklet)).content.decode()
    assert "Iniciar la edición 3" in page or "Start edition 3" in page

    booklet = start(client, moderator, booklet)

    assert (booklet.edition_number, booklet.edition_year) == (3, 2026)
    two, three = Edition.objects.filter(booklet=booklet).order_by("number")
    assert two.frozen_at is not None and three.frozen_at is None
    assert [m.slug for m in two.modules.all()] == ["busqueda", "memoria"]
    assert [m.slug for m in three.modules.all()] == ["busqueda", "memoria"]
    toc = parse(client.get(booklet.url))
    assert "Edición 3, 2026" in toc.select_one(".booklet-header__edition").get_text()
    assert next(a.get_text(strip=True) for a in toc.select("#editions-heading ~ ul li a")) == (
        "Edición 2, 2021"
    )


def test_the_same_start_posted_twice_opens_one_edition(client, booklet, moderator):
    booklet = start(client, moderator, booklet)
    response = client.post(start_url(booklet), {"number": 3, "year": 2026})
    assert response.status_code == 200
    assert parse(response).select_one("[role=alert]") is not None  # already started
    assert sorted(Edition.objects.filter(booklet=booklet).values_list("number", flat=True)) == [
        2,
        3,
    ]
    assert BookletPage.objects.get(pk=booklet.pk).edition_number == 3


def test_starting_an_edition_starts_it_in_every_language(client, booklet, moderator, homes):
    from wagtail.models import Locale

    english = publish(booklet.copy_for_translation(Locale.objects.get(language_code="en")))
    booklet = start(client, moderator, booklet)
    english = BookletPage.objects.get(pk=english.pk)
    assert english.edition_number == 3 and english.edition_year == 2026
    numbers = {e.number: e.frozen_at is None for e in Edition.objects.filter(booklet=english)}
    assert numbers == {2: False, 3: True}


def test_editors_neither_see_nor_use_the_action(client, booklet):
    editor = UserFactory(groups=[EDITORS], mfa=True)
    sign_in(client, editor)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[booklet.pk]))
    assert edit_page.status_code == 200
    assert start_url(booklet) not in edit_page.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[booklet.get_parent().pk]))
    assert listing.status_code == 200 and start_url(booklet) not in listing.content.decode()
    assert client.get(start_url(booklet)).status_code == 403
    assert client.post(start_url(booklet), {"number": 3}).status_code == 403
    assert BookletPage.objects.get(pk=booklet.pk).edition_number == 2
    assert not Edition.objects.filter(booklet=booklet, frozen_at__isnull=False).exists()


def test_moderators_find_the_action_on_the_booklet(client, booklet, moderator):
    sign_in(client, moderator)
    edit_page = client.get(reverse("wagtailadmin_pages:edit", args=[booklet.pk]))
    assert start_url(booklet) in edit_page.content.decode()
    listing = client.get(reverse("wagtailadmin_explore", args=[booklet.get_parent().pk]))
    assert start_url(booklet) in listing.content.decode()
    module = next(iter(modules_of(booklet).values()))
    assert client.get(start_url(module), follow=True).status_code == 404


def test_the_number_is_not_edited_in_the_editor(client, booklet, moderator):
    sign_in(client, moderator)
    html = parse(client.get(reverse("wagtailadmin_pages:edit", args=[booklet.pk])))
    field = html.select_one("[name=edition_number]")
    assert field is not None and field.has_attr("disabled")
    # Beside it, for a moderator, the way to change it.
    help_links = [a["href"] for a in html.select("[data-field] .help a, .w-field__help a")]
    assert start_url(booklet) in help_links

    editor = UserFactory(groups=[EDITORS], mfa=True)
    sign_in(client, editor)
    html = parse(client.get(reverse("wagtailadmin_pages:edit", args=[booklet.pk])))
    assert html.select_one("[name=edition_number]").has_attr("disabled")
    assert start_url(booklet) not in str(html)

    # A number posted anyway is ignored.
    sign_in(client, moderator)
    form = {
        "title": booklet.title,
        "slug": booklet.slug,
        "number": booklet.number,
        "summary": booklet.summary,
        "theme_colour": booklet.theme_colour,
        "edition_number": 9,
        "edition_year": 2030,
        "action-publish": "action-publish",
    }
    response = client.post(reverse("wagtailadmin_pages:edit", args=[booklet.pk]), form)
    assert response.status_code == 302, response.context["form"].errors
    booklet = BookletPage.objects.get(pk=booklet.pk)
    assert booklet.live_revision_id == booklet.latest_revision_id  # it was published
    assert (booklet.edition_number, booklet.edition_year) == (2, 2021)
    assert not Edition.objects.filter(booklet=booklet, number=9).exists()


def test_approving_before_after_and_between_edition_starts_never_changes_a_frozen_one(
    client, booklet, moderator
):
    modules = modules_of(booklet)
    # Approved before edition 3 is started: it was live in edition 2, so it is part of it.
    draft(modules["memoria"], "Recordar juntas es resistir.")
    approve(modules["memoria"], moderator)
    # Submitted before, approved after the start: it belongs to edition 3 only.
    draft(modules["busqueda"], "Las familias buscan juntas, con o sin el Estado.")
    booklet = start(client, moderator, booklet)
    edition_2 = frozen(booklet, 2)
    assert "Recordar juntas" in str(
        Edition.objects.get(booklet=booklet, number=2).modules.get(slug="memoria").revision.content
    )
    approve(modules["busqueda"], moderator)
    assert frozen(booklet, 2) == edition_2
    three = Edition.objects.get(booklet=booklet, number=3)
    assert three.modules.get(slug="busqueda").revision_id == (
        ModulePage.objects.get(slug="busqueda").live_revision_id
    )

    # Between two starts, a new module, a reorder and an unpublish.
    new = publish(ModulePageFactory(parent=booklet, title="El duelo", slug="duelo"))
    new.move(booklet, pos="first-child")
    ModulePage.objects.get(slug="memoria").unpublish()
    assert frozen(booklet, 2) == edition_2
    three = Edition.objects.get(booklet=booklet, number=3)
    assert [m.slug for m in three.modules.all()] == ["duelo", "busqueda"]

    booklet = start(client, moderator, booklet, year=2027)
    edition_3 = frozen(booklet, 3)
    publish(ModulePage.objects.get(slug="memoria"))
    approve(draft(ModulePage.objects.get(slug="duelo"), "Un duelo sin cuerpo."), moderator)
    assert frozen(booklet, 2) == edition_2 and frozen(booklet, 3) == edition_3


def test_lowering_or_raising_the_number_by_publishing_changes_nothing(client, booklet, moderator):
    booklet = start(client, moderator, booklet)
    edition_2 = frozen(booklet, 2)

    for typo in (2, 1, 9):
        page = BookletPage.objects.get(pk=booklet.pk)
        page.edition_number, page.edition_year = typo, 2030
        publish(page)
        page = BookletPage.objects.get(pk=booklet.pk)
        page.edition_number = typo
        approve(page, moderator)

    booklet = BookletPage.objects.get(pk=booklet.pk)
    assert (booklet.edition_number, booklet.edition_year) == (3, 2026)
    assert frozen(booklet, 2) == edition_2
    assert sorted(Edition.objects.filter(booklet=booklet).values_list("number", flat=True)) == [
        2,
        3,
    ]
    toc = parse(client.get(booklet.url))
    earlier = [a.get_text(strip=True) for a in toc.select("#editions-heading ~ ul li a")]
    assert "Edición 3" not in " ".join(earlier)
    assert client.get(f"{booklet.url}edition/3/")["Location"] == booklet.url


def test_a_frozen_record_refuses_every_change(homes):
    from booklets.models import FrozenEditionError

    edition = Edition.objects.create(booklet=BookletPageFactory(parent=homes["es"]), number=1)
    EditionModule.objects.create(
        edition=edition, module_key=uuid.uuid4(), slug="a", title="A", position=0
    )
    Edition.objects.filter(pk=edition.pk).update(frozen_at="2026-01-01T00:00Z")
    edition = Edition.objects.get(pk=edition.pk)
    entry = edition.modules.get()

    edition.notes = "otra cosa"
    with pytest.raises(FrozenEditionError):
        edition.save()
    with pytest.raises(FrozenEditionError):
        edition.delete()
    with pytest.raises(FrozenEditionError):
        Edition.objects.filter(pk=edition.pk).update(number=5)
    entry.title = "B"
    with pytest.raises(FrozenEditionError):
        entry.save()
    with pytest.raises(FrozenEditionError):
        entry.delete()
    with pytest.raises(FrozenEditionError):
        edition.modules.all().delete()
    with pytest.raises(FrozenEditionError):
        edition.modules.update(title="C")
    with pytest.raises(FrozenEditionError):
        EditionModule.objects.create(
            edition=edition, module_key=entry.module_key, slug="b", title="B", position=1
        )
    assert Edition.objects.get(pk=edition.pk).number == 1
    assert list(edition.modules.values_list("title", flat=True)) == ["A"]


def test_the_changes_page_shows_the_changed_sentence(client, booklet, moderator):
    booklet = start(client, moderator, booklet)
    module = ModulePage.objects.get(slug="busqueda")
    module.body = body(
        block("text", "<p>Las familias buscan juntas, también en las fosas.</p>"),
        block("pause", {"title": "Una pausa", "instructions": "Respira.", "seconds": 60}),
    )
    publish(module)

    page = parse(client.get(f"{booklet.url}changes/2/"))
    changed = page.select_one(".module-changes")
    assert changed.select_one("h3").get_text(strip=True) == "La búsqueda"
    kinds = [li["class"][-1] for li in changed.select(".block-change")]
    assert kinds == [
        "block-change--changed",
        "block-change--removed",
        "block-change--added",
    ]
    text_change = changed.select_one(".block-change--changed")
    assert [i.get_text() for i in text_change.select("ins")] == [", también en las fosas"]
    assert text_change.select_one(".block-change__text").get_text() == (
        "Las familias buscan juntas, también en las fosas."
    )
    assert text_change.select("del") == []
    assert "Hasta encontrarles." in changed.select_one(".block-change--removed").get_text()
    assert "Respira." in changed.select_one(".block-change--added").get_text()
    what = text_change.select_one(".block-change__what").get_text()
    assert what in ("Bloque modificado · Texto", "Changed block · Texto")
    # The module that did not change is not listed.
    assert "La memoria" not in page.select_one(".changes--changed").get_text()


def test_the_changes_page_speaks_english_on_the_english_booklet(client, booklet, moderator):
    from wagtail.models import Locale

    english_locale = Locale.objects.get(language_code="en")
    english = publish(booklet.copy_for_translation(english_locale))
    source = ModulePage.objects.get(slug="memoria")
    translation = source.copy_for_translation(english_locale)
    translation.title, translation.slug = "Memory", "memory"
    translation.body = body(block("text", "<p>To remember is to resist.</p>"))
    publish(translation)
    start(client, moderator, booklet)
    translation = ModulePage.objects.get(pk=translation.pk)
    translation.body = body(block("text", "<p>To remember together is to resist.</p>"))
    publish(translation)

    english = BookletPage.objects.get(pk=english.pk)
    page = parse(client.get(f"{english.url}changes/2/"))
    text = page.select_one(".module-changes").get_text()
    assert "Changed block" in text and "Memory" in text
    assert [i.get_text() for i in page.select(".module-changes ins")] == ["together"]


def test_a_facilitator_note_change_is_not_shown_to_readers(client, booklet, moderator):
    booklet = start(client, moderator, booklet)
    module = ModulePage.objects.get(slug="memoria")
    module.body = body(
        block("text", "<p>Recordar es resistir.</p>"),
        block("facilitator_note", {"note": "<p>Secreto para facilitar.</p>"}),
    )
    publish(module)
    client.logout()
    page = client.get(f"{booklet.url}changes/2/").content.decode()
    assert "Secreto para facilitar" not in page
    assert (
        "La memoria"
        not in parse(client.get(f"{booklet.url}changes/2/"))
        .select_one(".changes--changed")
        .get_text()
    )


def test_facilitators_see_a_changed_facilitator_note(client, booklet, moderator):
    from tests.factories import facilitator

    booklet = start(client, moderator, booklet)
    module = ModulePage.objects.get(slug="memoria")
    module.body = body(
        block("text", "<p>Recordar es resistir.</p>"),
        block("facilitator_note", {"note": "<p>Deja tiempo al silencio.</p>"}),
    )
    publish(module)
    sign_in(client, facilitator())
    page = parse(client.get(f"{booklet.url}changes/2/"))
    added = page.select_one(".changes--changed .block-change--added")
    assert "Deja tiempo al silencio." in added.get_text()


def test_a_change_behind_a_content_warning_stays_behind_it(client, booklet, moderator):
    booklet = start(client, moderator, booklet)
    module = ModulePage.objects.get(slug="memoria")
    warning = {"warning": "Describe una desaparición.", "content": []}
    warning["content"] = [block("text", "<p>El relato de la madre.</p>")]
    module.body = body(
        block("text", "<p>Recordar es resistir.</p>"), block("content_warning", warning)
    )
    publish(module)

    change = parse(client.get(f"{booklet.url}changes/2/")).select_one(".block-change--added")
    details = change.select_one("details")
    assert "Describe una desaparición." in details.select_one("summary").get_text()
    assert "El relato de la madre." in details.get_text()
    assert not details.has_attr("open")


def test_a_booklet_never_published_cannot_start_an_edition(client, homes, moderator):
    draft_booklet = BookletPageFactory(parent=homes["es"], live=False, edition_number=1)
    sign_in(client, moderator)
    response = client.post(start_url(draft_booklet), {"number": 2, "year": 2026})
    assert response.status_code == 200
    assert parse(response).select_one("[role=alert]") is not None
    assert BookletPage.objects.get(pk=draft_booklet.pk).edition_number == 1
    assert not Edition.objects.filter(booklet=draft_booklet).exists()
    listing = client.get(reverse("wagtailadmin_explore", args=[homes["es"].pk]))
    assert start_url(draft_booklet) not in listing.content.decode()


def test_a_text_difference_marks_words_and_escapes_everything():
    from booklets.selectors import text_difference

    assert str(text_difference("Texto de la segunda edición.", "Texto de la edición.")) == (
        "Texto de la <del>segunda</del> edición."
    )
    assert str(text_difference("a <b>", "a <b> & <script>x</script>")) == (
        "a &lt;b&gt; <ins>&amp; &lt;script&gt;x&lt;/script&gt;</ins>"
    )
    assert str(text_difference("uno\ndos", "uno\ntres")) == "uno<br><del>dos</del><ins>tres</ins>"


def test_a_number_left_behind_by_a_lowered_edition_gets_its_own_open_record(client, booklet):
    """Before editions were started on purpose, lowering the number left a "later"
    record behind (the migration freezes it). The booklet's own number then opens a
    record on the next publish; the stray one is never listed nor touched."""
    Edition.objects.filter(booklet=booklet).update(frozen_at="2026-01-01T00:00Z")
    stray = frozen(booklet, 2)
    BookletPage.objects.filter(pk=booklet.pk).update(edition_number=1)

    publish(ModulePage.objects.get(slug="memoria"))

    assert frozen(booklet, 2) == stray
    one = Edition.objects.get(booklet=booklet, number=1)
    assert one.frozen_at is None and one.modules.count() == 2
    toc = parse(client.get(BookletPage.objects.get(pk=booklet.pk).url))
    assert toc.select("#editions-heading") == []


def test_moving_a_draft_module_leaves_the_edition_record_alone(booklet):
    """Only what is live is in the record: a module never published that lands before
    the guide (as every new module does, from the admin or the importer) changes
    neither the record nor its last-published time."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    before = frozen(booklet, 2)
    stamp = Edition.objects.get(booklet=booklet, number=2).last_published_at
    new = ModulePageFactory(parent=booklet, title="Nuevo", slug="nuevo", live=False)

    with CaptureQueriesContext(connection) as queries:
        ModulePage.objects.get(pk=new.pk).move(booklet, pos="first-child")

    assert ModulePage.objects.child_of(booklet).order_by("path").first().slug == "nuevo"
    assert frozen(booklet, 2) == before
    assert Edition.objects.get(booklet=booklet, number=2).last_published_at == stamp
    assert not [q for q in queries if "booklets_edition" in q["sql"]]
