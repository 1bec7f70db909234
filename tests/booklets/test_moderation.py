"""An editor submits, a moderator publishes; scheduled publishing; lagging translations."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

from accounts.roles import EDITORS, MODERATORS
from booklets.models import ModulePage
from tests.factories import (
    BookletPageFactory,
    ModulePageFactory,
    UserFactory,
    block,
    body,
    sign_in,
    superuser,
)

pytestmark = pytest.mark.django_db


def test_an_editor_submits_and_a_moderator_publishes(homes):
    editor = UserFactory(groups=[EDITORS], mfa=True)
    moderator = UserFactory(groups=[MODERATORS], mfa=True)
    booklet = BookletPageFactory(parent=homes["es"])
    module = ModulePageFactory(parent=booklet, live=False, title="Borrador de módulo")
    assert not module.permissions_for_user(editor).can_publish()
    assert module.permissions_for_user(moderator).can_publish()

    workflow = module.get_workflow()
    assert workflow is not None and workflow.active
    module.save_revision(user=editor)
    workflow.start(module, user=editor)
    task_state = Page.objects.get(pk=module.pk).specific.current_workflow_task_state
    assert task_state is not None
    task = task_state.task.specific
    assert not ModulePage.objects.get(pk=module.pk).live  # submitted, waiting
    task.on_action(task_state, moderator, "approve")
    assert ModulePage.objects.get(pk=module.pk).live


def test_scheduled_publishing_happens_when_publish_scheduled_runs(homes):
    booklet = BookletPageFactory(parent=homes["es"])
    module = ModulePageFactory(parent=booklet, live=False, title="Programado")
    module.go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    module.save_revision(approved_go_live_at=module.go_live_at)
    assert not ModulePage.objects.get(pk=module.pk).live
    call_command("publish_scheduled")
    assert ModulePage.objects.get(pk=module.pk).live


def test_a_translation_behind_its_changed_source_is_flagged(client, homes):
    english = Locale.objects.get(language_code="en")
    booklet = BookletPageFactory(parent=homes["es"], title="Tortura")
    booklet.save_revision().publish()
    module = ModulePageFactory(parent=booklet, title="Qué busca la tortura")
    module.save_revision().publish()
    english_booklet = booklet.copy_for_translation(english)
    english_booklet.save_revision().publish()
    translation = module.copy_for_translation(english)
    translation.title = "What torture seeks"
    translation.save_revision().publish()
    english_booklet = Page.objects.get(pk=english_booklet.pk).specific

    page = client.get(english_booklet.url).content.decode()
    assert "updated after this translation" not in page

    source = ModulePage.objects.get(pk=module.pk)
    source.body = body(block("text", "<p>Texto corregido.</p>"))
    source.save_revision().publish()

    page = client.get(english_booklet.url).content.decode()
    assert "updated after this translation" in page and "What torture seeks" in page

    sign_in(client, superuser())
    report = client.get(reverse("translations_behind")).content.decode()
    assert "What torture seeks" in report and "Qué busca la tortura" in report
