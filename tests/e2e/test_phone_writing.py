"""On a 360x740 phone: a new account sees where to start on the first screen of the
home page; while writing, the save status is on screen beside the button; after
submitting, the two buttons keep apart and are big enough for a finger."""

import pytest

from tests.factories import BookletPageFactory, ModulePageFactory, block, body, trainee

PHONE = {"width": 360, "height": 740}
INTRODUCTION = (
    "<p>Claves acompaña el estudio de la serie de cuadernillos sobre acompañamiento "
    "psicosocial a víctimas de violencia sociopolítica: conceptos, análisis de contexto, "
    "casos y herramientas, para estudiar por tu cuenta o en un taller con tu grupo.</p>"
)


@pytest.fixture
def series(site):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    home.introduction = INTRODUCTION
    home.for_trainees = "Empieza por el primer cuadernillo y sigue sus módulos en orden."
    home.save_revision().publish()
    booklets = [
        BookletPageFactory(parent=home, title=title, number=number)
        for number, title in enumerate(
            ["Represión política y miedo", "Desaparición forzada", "Desplazamiento forzado"],
            start=1,
        )
    ]
    module = ModulePageFactory(
        parent=booklets[0],
        title="Conceptos",
        body=body(block("reflection_question", {"question": "¿Qué te da miedo?", "guidance": ""})),
    )
    return {"booklets": booklets, "module": module}


@pytest.fixture
def phone(browser, sign_in):
    contexts = []

    def _phone(user=None, javascript=True):
        context = browser.new_context(
            locale="es-MX", viewport=PHONE, java_script_enabled=javascript
        )
        contexts.append(context)
        if user is not None:
            sign_in(context, user)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield _phone
    for context in contexts:
        context.close()


def box_of(locator):
    box = locator.bounding_box()
    assert box is not None, "not rendered"
    return box


def on_screen(box):
    return box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("signed_in", [True, False], ids=["new account", "signed out"])
def test_the_first_booklet_is_on_the_first_screen_of_the_home_page(site, series, phone, signed_in):
    page = phone(trainee(username="recien-llegada") if signed_in else None)
    page.goto(site + "/es/")
    link = page.locator(".start-here a")
    assert series["booklets"][0].title in link.inner_text()
    assert on_screen(box_of(link)), f"the first booklet's link is at {box_of(link)}"
    assert page.locator(".continue").count() == 0
    assert page.evaluate("window.scrollY") == 0


def _tap_into_the_box(page):
    box = page.locator("textarea[data-autosave]")
    box.click()  # scrolls it into view as a tap would, before any keyboard opens
    return box


def _status_beside(page, button):
    status = page.locator(".save-row__status")
    status_box, button_box = box_of(status), box_of(button)
    assert on_screen(status_box), f"the status is off screen at {status_box}"
    assert on_screen(button_box), f"the button is off screen at {button_box}"
    gap = status_box["y"] - (button_box["y"] + button_box["height"])
    assert -button_box["height"] <= gap <= 16, f"the status is {gap} px from the button"
    return status


def test_writing_in_the_journal_the_status_is_on_screen_beside_save(site, series, phone):
    page = phone(trainee(username="escribe-diario"))
    page.goto(site + series["module"].url)
    page.locator(".reflection__journal a").click()
    page.wait_for_load_state("load")
    _tap_into_the_box(page)
    status = _status_beside(page, page.locator(".save-row button[type=submit]"))
    # With JavaScript, the page says it saves by itself.
    form = page.locator("form[data-autosave-form]")
    assert form.get_attribute("data-autosave-hint") in status.inner_text()


@pytest.fixture
def exercise(series):
    from django.utils import timezone

    from tests.factories import facilitator
    from workshops import services
    from workshops.models import Membership, SeminarExercise

    leader = facilitator(username="guia")
    cohort = services.cohort_create(
        facilitator=leader,
        name="Grupo Norte",
        language="es",
        booklet_keys=[series["booklets"][0].translation_key],
        starts_on=timezone.localdate(),
    )
    person = trainee(username="participa")
    Membership.objects.create(cohort=cohort, user=person)
    exercise = services.exercise_create(
        cohort=cohort,
        title="Mapa de actores",
        prompt="Dibuja **tu** mapa de actores: quién te apoya, quién te pone en riesgo, "
        "y qué cambió desde el año pasado. Después escribe qué notas.",
        module_key=None,
        due_at=None,
        visibility=SeminarExercise.Visibility.FACILITATORS,
        anonymous_to_peers=False,
    )
    return {"cohort": cohort, "exercise": exercise, "person": person}


def _exercise_url(site, exercise):
    from django.urls import reverse

    return site + reverse(
        "workshops:exercise", args=[exercise["cohort"].pk, exercise["exercise"].pk]
    )


def test_after_submitting_the_buttons_keep_apart_and_the_status_is_beside_them(
    site, phone, exercise
):
    from workshops import services

    services.response_save(
        exercise=exercise["exercise"], author=exercise["person"], body="Mi mapa", submit=True
    )
    page = phone(exercise["person"])
    page.goto(_exercise_url(site, exercise))
    _tap_into_the_box(page)
    save, submit = (
        page.locator(".save-row button[name=save]"),
        page.locator(".save-row button[name=submit]"),
    )
    first, second = box_of(save), box_of(submit)
    for button in (first, second):
        assert button["height"] >= 44, f"a button {button['height']} px tall"
    apart_across = second["x"] - (first["x"] + first["width"])
    apart_down = second["y"] - (first["y"] + first["height"])
    assert max(apart_across, apart_down) >= 8, "the two buttons touch"
    _status_beside(page, submit if second["y"] > first["y"] else save)


def test_without_javascript_the_exercise_asks_to_press_save(site, phone, exercise):
    page = phone(exercise["person"], javascript=False)
    page.goto(_exercise_url(site, exercise))
    hint = page.locator(".save-row [data-autosave-hint]").inner_text()
    form = page.locator("form[data-autosave-form]")
    assert hint != form.get_attribute("data-autosave-hint")
    assert "Guardar borrador" in hint or "Save draft" in hint
