"""A trainee plays an activity; the attempt and its score show in their progress, and
a statement posted again adds nothing."""

import json

import pytest
from wagtail.models import Locale

from curriculum.h5p_demo import question_package
from curriculum.models import ActivityAttempt, ActivityStatement
from curriculum.services import activity_from_package
from tests.factories import BookletPageFactory, ModulePageFactory, block, body, trainee


@pytest.fixture
def module_with_activity(site, settings, tmp_path):
    from booklets.models import HomePage

    settings.MEDIA_ROOT = tmp_path / "media"
    home = HomePage.objects.get(depth=2, locale__language_code="es")
    activity = activity_from_package(
        title="¿Dónde está la herida?",
        data=question_package(
            title="Trauma",
            question="¿Dónde está la herida del trauma psicosocial?",
            answers=[("Solo en una persona", False), ("En las relaciones de una sociedad", True)],
        ),
        locale=Locale.objects.get(language_code="es"),
    )
    booklet = BookletPageFactory(parent=home, title="Represión política y miedo", number=1)
    module = ModulePageFactory(
        parent=booklet,
        title="Herramientas",
        kind="tools",
        body=body(block("interactive_activity", {"activity": activity.pk, "introduction": ""})),
    )
    return module, activity


def test_playing_an_activity_records_the_attempt_once(site, browser, sign_in, module_with_activity):
    module, activity = module_with_activity
    person = trainee(username="jugadora")
    context = browser.new_context(locale="es-MX")
    sign_in(context, person)
    page = context.new_page()
    page.set_default_timeout(15_000)
    statements = []
    page.on(
        "request",
        lambda r: statements.append(r.post_data) if r.url.endswith("/statements/") else None,
    )
    page.goto(site + module.url)
    frame = page.frame_locator(".h5p-iframe")
    with page.expect_response(lambda r: r.url.endswith("/statements/") and r.status == 201):
        frame.get_by_role("button", name="En las relaciones de una sociedad").click()

    attempt = ActivityAttempt.objects.get(user=person, activity_key=activity.translation_key)
    assert (attempt.score_raw, attempt.score_max, attempt.success) == (1.0, 1.0, True)

    page.goto(f"{site}/es/progreso/")
    row = page.locator(".activity-results tbody tr").first
    assert "¿Dónde está la herida?" in row.inner_text() and "1 / 1" in row.inner_text()

    # The same statement again (a retry, a double send) is not a second record.
    page.goto(site + module.url)
    count = ActivityStatement.objects.filter(user=person).count()
    again = page.evaluate(
        """async ([url, body]) => {
            const token = document.querySelector('.h5p-activity').dataset.csrf;
            const r = await fetch(url, {method: 'POST', credentials: 'same-origin',
              headers: {'Content-Type': 'application/json', 'X-CSRFToken': token},
              body});
            return r.status;
        }""",
        [f"/es/activities/{activity.translation_key}/statements/", statements[-1]],
    )
    assert again == 200
    assert ActivityStatement.objects.filter(user=person).count() == count
    assert json.loads(statements[-1])["verb"]["id"].endswith("answered")
    context.close()
