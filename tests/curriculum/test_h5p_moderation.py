"""Changing an interactive activity is a draft that a moderator publishes: an editor's
new package or title reaches no reader until then, whatever path the editor takes.
Readers only ever get the live version; package URLs are content-addressed, so the page
frames the old package until the new one is published, and the new one at once after."""

import importlib

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Revision, WorkflowState
from wagtail_localize.models import TranslationSource

from accounts.roles import EDITORS, MODERATORS
from curriculum.h5p import package_check
from curriculum.models import ActivityAttempt, H5PActivity
from demo.h5p import question_package
from tests.factories import (
    BookletPageFactory,
    ModulePageFactory,
    UserFactory,
    block,
    body,
    editor,
    sign_in,
    trainee,
)

pytestmark = pytest.mark.django_db

OLD = question_package(title="Antes", question="¿Qué pasó antes?", answers=[("Sí", True)])
NEW = question_package(title="Después", question="¿Qué pasó después?", answers=[("No", True)])
OTHER = question_package(title="Otra", question="¿Y otra cosa?", answers=[("Tal vez", True)])
NOT_AVAILABLE = "Esta actividad no está disponible en este momento."


def digest(data: bytes) -> str:
    return package_check(data).digest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


def moderator():
    return UserFactory(groups=[MODERATORS], mfa=True)


@pytest.fixture
def editor_client(homes):
    client = Client()
    sign_in(client, editor())
    return client


@pytest.fixture
def moderator_client(homes):
    client = Client()
    sign_in(client, moderator())
    return client


def add_url() -> str:
    return reverse("wagtailsnippets_curriculum_h5pactivity:add") + "?locale=es"


def edit_url(activity) -> str:
    return reverse("wagtailsnippets_curriculum_h5pactivity:edit", args=[activity.pk])


def form(title: str, package: bytes | None = None, **actions) -> dict:
    data = {"title": title, **actions}
    if package is not None:
        data["package"] = SimpleUploadedFile("actividad.h5p", package)
    return data


def module_with(homes, activity):
    booklet = BookletPageFactory(parent=homes["es"])
    page = ModulePageFactory(
        parent=booklet,
        body=body(block("interactive_activity", {"activity": activity.pk, "introduction": ""})),
    )
    page.save_revision().publish()
    return page


def reader_sees(page) -> tuple[list[str], str]:
    """(the frames the module page would open, the page's text), as an anonymous reader."""
    html = Client().get(page.url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    return [p["data-frame-src"] for p in soup.select("[data-frame-src]")], soup.get_text(" ")


def frame(data: bytes) -> str:
    return f"http://activities.testserver/play/{digest(data)}/"


@pytest.fixture
def published(homes, moderator_client):
    """An activity a moderator uploaded and published, on a published module page."""
    response = moderator_client.post(
        add_url(), form("Actividad publicada", OLD, **{"action-publish": "1"})
    )
    assert response.status_code == 302
    activity = H5PActivity.objects.get()
    assert activity.live and activity.package_digest == digest(OLD)
    return activity, module_with(homes, activity)


def still_old(activity, page):
    activity.refresh_from_db()
    assert activity.live
    assert activity.package_digest == digest(OLD)
    assert activity.title == "Actividad publicada"
    frames, text = reader_sees(page)
    assert frames == [frame(OLD)]
    assert "Actividad publicada" in text and "Título del editor" not in text


def task_state_of(activity):
    state = WorkflowState.objects.for_instance(activity).get(
        status=WorkflowState.STATUS_IN_PROGRESS
    )
    return state.current_task_state


# ---- The whole flow ----------------------------------------------------------------


def test_an_editors_new_package_waits_for_a_moderator_then_replaces_the_old_one(
    published, editor_client, moderator_client
):
    activity, page = published

    saved = editor_client.post(edit_url(activity), form("Título del editor", NEW))
    assert saved.status_code == 302
    still_old(activity, page)
    # The new package is kept (content-addressed), ready for the moderator, linked nowhere.
    assert default_storage.exists(f"h5p/{digest(NEW)}/h5p.json")
    assert activity.latest_revision.as_object().package_digest == digest(NEW)
    assert activity.has_unpublished_changes

    submitted = editor_client.post(
        edit_url(activity), form("Título del editor", **{"action-submit": "1"})
    )
    assert submitted.status_code == 302
    still_old(activity, page)
    task_state = task_state_of(activity)

    approved = moderator_client.post(
        reverse(
            "wagtailsnippets_curriculum_h5pactivity:workflow_action",
            args=[activity.pk, "approve", task_state.pk],
        )
    )
    assert approved.status_code in (200, 302)
    activity.refresh_from_db()
    assert activity.live and not activity.has_unpublished_changes
    assert activity.package_digest == digest(NEW)
    frames, text = reader_sees(page)
    assert frames == [frame(NEW)]
    assert "Título del editor" in text and "Actividad publicada" not in text


def test_a_moderator_publishes_a_new_package_from_the_edit_view(published, moderator_client):
    activity, page = published
    response = moderator_client.post(
        edit_url(activity), form("Título nuevo", NEW, **{"action-publish": "1"})
    )
    assert response.status_code == 302
    frames, text = reader_sees(page)
    assert frames == [frame(NEW)] and "Título nuevo" in text


def test_editors_are_offered_submission_and_moderators_publishing(
    published, editor_client, moderator_client
):
    activity, _page = published
    as_editor = editor_client.get(edit_url(activity)).content.decode()
    assert 'name="action-submit"' in as_editor
    assert 'name="action-publish"' not in as_editor
    as_moderator = moderator_client.get(edit_url(activity)).content.decode()
    assert 'name="action-publish"' in as_moderator


def test_only_moderators_hold_the_publish_permission(homes):
    assert not editor().has_perm("curriculum.publish_h5pactivity")
    assert moderator().has_perm("curriculum.publish_h5pactivity")
    editors = Group.objects.get(name=EDITORS)
    assert editors.permissions.filter(codename="change_h5pactivity").exists()
    assert editors.permissions.filter(codename="add_h5pactivity").exists()
    assert not editors.permissions.filter(codename="publish_h5pactivity").exists()


def test_activities_go_through_the_pages_moderation_workflow(homes):
    workflow = H5PActivity.get_default_workflow()
    assert workflow is not None and workflow.active
    assert workflow == homes["es"].get_workflow()
    [task] = [t.specific for t in workflow.tasks]
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]


# ---- An editor cannot publish by any path ----------------------------------------------


def test_an_editor_cannot_publish_from_the_edit_view(published, editor_client):
    activity, page = published
    editor_client.post(
        edit_url(activity), form("Título del editor", NEW, **{"action-publish": "1"})
    )
    still_old(activity, page)
    assert activity.has_unpublished_changes


def test_an_editor_cannot_publish_a_new_activity_from_the_add_view(homes, editor_client):
    response = editor_client.post(
        add_url(), form("Título del editor", NEW, **{"action-publish": "1"})
    )
    assert response.status_code == 302
    activity = H5PActivity.objects.get()
    assert not activity.live
    frames, text = reader_sees(module_with(homes, activity))
    assert frames == []
    assert NOT_AVAILABLE in text and "Título del editor" not in text


def test_an_editor_cannot_approve_their_own_submission(published, editor_client):
    activity, page = published
    editor_client.post(edit_url(activity), form("Título del editor", NEW, **{"action-submit": "1"}))
    task_state = task_state_of(activity)

    through_the_action_view = editor_client.post(
        reverse(
            "wagtailsnippets_curriculum_h5pactivity:workflow_action",
            args=[activity.pk, "approve", task_state.pk],
        )
    )
    assert through_the_action_view.status_code in (302, 403)
    through_the_edit_view = editor_client.post(
        edit_url(activity),
        form(
            "Título del editor",
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
    )
    assert through_the_edit_view.status_code in (200, 302)
    still_old(activity, page)
    assert task_state_of(activity).pk == task_state.pk  # still waiting for a moderator


def test_a_moderator_approves_through_the_edit_view(published, editor_client, moderator_client):
    activity, page = published
    editor_client.post(edit_url(activity), form("Título del editor", NEW, **{"action-submit": "1"}))
    moderator_client.post(
        edit_url(activity),
        form(
            "Título del editor",
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
    )
    frames, _text = reader_sees(page)
    assert frames == [frame(NEW)]


def test_an_editor_cannot_change_the_package_while_it_awaits_moderation(
    published, editor_client, moderator_client
):
    """The moderator approves what was submitted, never a package swapped in after."""
    activity, page = published
    editor_client.post(edit_url(activity), form("Título del editor", NEW, **{"action-submit": "1"}))
    task_state = task_state_of(activity)
    swapped = editor_client.post(edit_url(activity), form("Título del editor", OTHER))
    assert swapped.status_code == 200  # refused: the activity is locked for review
    activity.refresh_from_db()
    assert activity.latest_revision.as_object().package_digest == digest(NEW)

    moderator_client.post(
        reverse(
            "wagtailsnippets_curriculum_h5pactivity:workflow_action",
            args=[activity.pk, "approve", task_state.pk],
        )
    )
    frames, _text = reader_sees(page)
    assert frames == [frame(NEW)]


def test_an_editor_cannot_publish_by_reverting_to_a_revision(
    published, editor_client, moderator_client
):
    activity, page = published
    editor_client.post(edit_url(activity), form("Título del editor", NEW))
    activity.refresh_from_db()
    revert = reverse(
        "wagtailsnippets_curriculum_h5pactivity:revisions_revert",
        args=[activity.pk, activity.latest_revision.pk],
    )
    editor_client.post(revert, form("Título del editor", **{"action-publish": "1"}))
    still_old(activity, page)

    moderator_client.post(revert, form("Título del editor", **{"action-publish": "1"}))
    frames, _text = reader_sees(page)
    assert frames == [frame(NEW)]  # the same request publishes for a moderator


def test_an_editor_cannot_unpublish_an_activity(published, editor_client, moderator_client):
    activity, page = published
    unpublish = reverse("wagtailsnippets_curriculum_h5pactivity:unpublish", args=[activity.pk])
    response = editor_client.post(unpublish)
    assert response.status_code in (302, 403)
    still_old(activity, page)

    moderator_client.post(unpublish)
    frames, text = reader_sees(page)
    assert frames == [] and NOT_AVAILABLE in text and "Actividad publicada" not in text


def test_bulk_actions_offer_no_way_to_publish_or_remove_an_activity(published, editor_client):
    activity, page = published
    for action in ("publish", "delete"):
        response = editor_client.post(
            reverse("wagtail_bulk_action", args=["curriculum", "h5pactivity", action])
            + f"?id={activity.pk}"
        )
        assert response.status_code in (302, 403, 404), action
    assert H5PActivity.objects.filter(pk=activity.pk).exists()
    still_old(activity, page)


def test_translating_an_activity_never_publishes_its_draft(published, editor_client):
    """wagtail-localize copies a snippet's latest revision, a draft included, into a new
    translation: the copy must stay a draft, and none of its screens publish it for an
    editor (the translation editor's "Publish", "Sync" with "Publish immediately")."""
    activity, _page = published
    editor_client.post(edit_url(activity), form("Título del editor", NEW))
    english = Locale.objects.get(language_code="en")
    response = editor_client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["curriculum", "h5pactivity", activity.pk],
        ),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302
    translated = H5PActivity.objects.get(locale=english)
    assert not (translated.live and translated.package_digest == digest(NEW))
    assert not (translated.live and translated.title == "Título del editor")

    # "Update translations" with "Publish immediately" publishes nothing for an editor.
    source = TranslationSource.objects.get(object_id=activity.translation_key)
    editor_client.post(
        reverse("wagtail_localize:update_translations", args=[source.pk]),
        {"publish_translations": "on"},
    )
    translated.refresh_from_db()
    assert not (translated.live and translated.package_digest == digest(NEW))

    published_there = editor_client.post(edit_url(translated), {"action": "publish"})
    assert published_there.status_code in (302, 403)
    translated.refresh_from_db()
    assert not translated.live


# ---- Readers get the live version only -----------------------------------------------------


def test_a_never_published_activity_shows_nothing_playable(homes, editor_client):
    editor_client.post(add_url(), form("Título del editor", NEW))
    activity = H5PActivity.objects.get()
    assert not activity.live
    frames, text = reader_sees(module_with(homes, activity))
    assert frames == []
    assert NOT_AVAILABLE in text and "Título del editor" not in text


def test_my_progress_shows_the_live_title(published, editor_client, moderator_client):
    activity, _page = published
    person = trainee()
    ActivityAttempt.objects.create(user=person, activity_key=activity.translation_key)
    reader = Client()
    sign_in(reader, person)

    editor_client.post(edit_url(activity), form("Título del editor", NEW))
    progress = reader.get(reverse("curriculum:my_progress")).content.decode()
    assert "Actividad publicada" in progress and "Título del editor" not in progress

    moderator_client.post(edit_url(activity), form("Título del editor", **{"action-publish": "1"}))
    progress = reader.get(reverse("curriculum:my_progress")).content.decode()
    assert "Título del editor" in progress


def test_my_progress_never_shows_a_draft_title(homes, editor_client):
    editor_client.post(add_url(), form("Título del editor", NEW))
    activity = H5PActivity.objects.get()
    person = trainee()
    ActivityAttempt.objects.create(user=person, activity_key=activity.translation_key)
    reader = Client()
    sign_in(reader, person)
    progress = reader.get(reverse("curriculum:my_progress")).content.decode()
    assert "Título del editor" not in progress


# ---- Migration ------------------------------------------------------------------------------


def test_the_migration_makes_existing_activities_live_with_a_first_revision(homes):
    # Run the data step on the models as the migration sees them, without migrating the
    # test database back and forth (a transactional test would empty the groups).
    migration = importlib.import_module("curriculum.migrations.0006_h5pactivity_drafts")
    state = MigrationLoader(connection).project_state(("curriculum", "0006_h5pactivity_drafts"))
    spanish = Locale.objects.get(language_code="es")
    old = H5PActivity.objects.create(
        title="De antes", package_digest=digest(OLD), main_library="H5P.X", locale=spanish
    )
    H5PActivity.objects.filter(pk=old.pk).update(live=False)

    migration.publish_existing_activities(state.apps, None)

    old.refresh_from_db()
    assert old.live and not old.has_unpublished_changes
    revision = Revision.objects.for_instance(old).get()
    assert old.live_revision == revision == old.latest_revision
    assert old.first_published_at and old.last_published_at
    as_object = revision.as_object()
    assert as_object.package_digest == digest(OLD) and as_object.title == "De antes"
    # Running it again changes nothing (every activity already has its revision).
    migration.publish_existing_activities(state.apps, None)
    assert Revision.objects.for_instance(old).count() == 1
