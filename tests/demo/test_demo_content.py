"""The demo curriculum: the whole series in both languages, every block, idempotent,
imported from demo/content/ by the importer editors use.

Seeding takes seconds, so each test seeds once and checks several things a newcomer
running `make run` would notice."""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision
from wagtail_localize.models import Translation

from accounts.roles import is_facilitator_account
from booklets.models import BookletPage, ModuleKind, ModulePage, StandardPage
from curriculum.blocks import ModuleStreamBlock
from curriculum.models import GlossaryTerm, H5PActivity
from tests.booklets.test_translation_safety import english, snapshot
from tests.test_own_origin import pages_checked

pytestmark = pytest.mark.django_db


def block_types(stream_data):
    for item in stream_data:
        yield item["type"]
        if item["type"] == "content_warning":
            yield from block_types(item["value"]["content"])


def test_seed_builds_the_whole_series_in_both_languages(homes, client, capsys):
    call_command("seed_demo")
    output = capsys.readouterr().out

    for language in ("es", "en"):
        booklets = BookletPage.objects.child_of(homes[language]).live().order_by("number")
        assert [b.number for b in booklets] == [1, 2, 3, 4, 5, 6]
        for booklet in booklets:
            assert {m.kind for m in booklet.modules()} == set(ModuleKind.values), booklet.title
        assert StandardPage.objects.child_of(homes[language]).live().count() >= 4
        assert GlossaryTerm.objects.filter(locale__language_code=language).count() >= 12

    # Every Spanish module has its English translation, sharing the translation key.
    spanish = ModulePage.objects.filter(locale__language_code="es")
    english = ModulePage.objects.filter(locale__language_code="en")
    assert spanish.count() == english.count() == 30
    assert set(spanish.values_list("translation_key", flat=True)) == set(
        english.values_list("translation_key", flat=True)
    )

    # Together the modules use the whole block library.
    used = Counter()
    for module in ModulePage.objects.all():
        used.update(block_types(module.body.raw_data))
    assert set(ModuleStreamBlock().child_blocks) <= set(used)

    # Demo accounts, with the passwords printed once.
    users = {u.username: u for u in get_user_model().objects.filter(username__startswith="demo-")}
    assert set(users) == {"demo-editor", "demo-moderator", "demo-facilitator", "demo-trainee"}
    # The editor submits; only the moderator publishes (nobody approves their own work).
    editor_groups = set(users["demo-editor"].groups.values_list("name", flat=True))
    moderator_groups = set(users["demo-moderator"].groups.values_list("name", flat=True))
    assert editor_groups == {"Editors"} and moderator_groups == {"Moderators"}
    assert is_facilitator_account(users["demo-facilitator"])
    assert is_facilitator_account(users["demo-editor"])
    assert not is_facilitator_account(users["demo-trainee"])
    assert users["demo-editor"].has_perm("wagtailadmin.access_admin")
    for username, user in users.items():
        printed = next(line for line in output.splitlines() if f"{username}:" in line)
        assert user.check_password(printed.split(": ", 1)[1].strip())

    # A demo workshop group to explore the workshop pages with.
    from workshops.models import Cohort

    cohort = Cohort.objects.get(name="Grupo de estudio demo")
    roles_in_cohort = dict(cohort.memberships.values_list("user__username", "role"))
    assert roles_in_cohort == {"demo-facilitator": "facilitator", "demo-trainee": "trainee"}
    assert cohort.sessions.count() == 2 and cohort.exercises.count() == 2
    assert cohort.exercises.filter(responses__status="submitted").count() == 1

    # Interactive activities of each of our content types, in both languages, each at
    # the end of a tools module in its own language, in more than one booklet.
    activities = H5PActivity.objects.select_related("locale")
    languages = Counter(a.translation_key for a in activities)
    assert set(languages.values()) == {2}
    assert {a.main_library for a in activities} == {
        "H5P.ClavesQuestion",
        "H5P.ClavesTrueFalse",
        "H5P.ClavesMultiChoice",
        "H5P.ClavesBlanks",
    }
    placed = {
        item["value"]["activity"]: module
        for module in ModulePage.objects.filter(kind="tools")
        for item in module.body.raw_data
        if item["type"] == "interactive_activity"
    }
    assert set(placed) == {a.pk for a in activities}
    assert all(placed[a.pk].locale_id == a.locale_id for a in activities)
    assert len({placed[a.pk].get_parent().pk for a in activities}) >= 4  # 2 booklets x 2

    # And every page renders.
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_seeding_again_adds_nothing_and_keeps_editors_changes(homes, capsys):
    call_command("seed_demo")
    booklet = BookletPage.objects.child_of(homes["es"]).get(number=1)
    booklet.summary = "Resumen reescrito por una editora."
    booklet.save_revision().publish()
    capsys.readouterr()
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        GlossaryTerm.objects.count(),
        H5PActivity.objects.count(),
    )

    call_command("seed_demo")

    assert "demo-trainee" not in capsys.readouterr().out  # no password printed twice
    assert (
        Page.objects.count(),
        Revision.objects.count(),
        GlossaryTerm.objects.count(),
        H5PActivity.objects.count(),
    ) == counts
    booklet.refresh_from_db()
    assert booklet.summary == "Resumen reescrito por una editora."


def test_no_demo_page_references_another_host(client, homes):
    call_command("seed_demo", no_accounts=True, verbosity=0)  # every page type and block
    assert pages_checked(client) >= 70


def test_every_english_demo_page_and_term_can_be_synced_and_is_unchanged(homes):
    call_command("seed_demo", "--no-accounts", verbosity=0)
    english_pages = Page.objects.filter(locale=english(), depth__gt=2)
    english_terms = GlossaryTerm.objects.filter(locale=english())
    before = {page.pk: snapshot(page.specific) for page in english_pages}
    assert english_pages.count() > 30 and english_terms.exists()

    linked = set(
        Translation.objects.filter(target_locale=english(), enabled=True).values_list(
            "source__object_id", flat=True
        )
    )
    for instance in [*english_pages, *english_terms]:
        assert instance.translation_key in linked, instance
    # Seeding again links nothing twice and changes nothing.
    call_command("seed_demo", "--no-accounts", verbosity=0)
    assert {page.pk: snapshot(page.specific) for page in english_pages} == before
