"""A facilitator opens a group and invites; a trainee joins, answers, submits; the
facilitator gives feedback and keeps a private note the trainee never sees."""

import re

from tests.factories import BookletPageFactory, ModulePageFactory, facilitator, trainee

NOTE = "Le cuesta hablar del miedo en grupo: hablar a solas."


def test_workshop_from_invitation_to_feedback(site, browser, sign_in):
    from booklets.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="es")
    booklet = BookletPageFactory(parent=home, title="Represión política y miedo", number=1)
    ModulePageFactory(parent=booklet, title="El miedo como estrategia")

    fac_context = browser.new_context(locale="es-MX")
    sign_in(fac_context, facilitator(username="facilitadora", display_name="Facilitadora"))
    fac = fac_context.new_page()
    fac.set_default_timeout(10_000)
    fac.goto(f"{site}/es/talleres/nuevo/")
    fac.get_by_label("Nombre del grupo").fill("Grupo Norte")
    fac.get_by_label("1. Represión política y miedo").check()
    fac.get_by_label("Empieza el").fill("2026-12-01")
    fac.get_by_role("button", name="Crear").click()
    fac.get_by_role("heading", name="Grupo Norte").wait_for()
    fac.get_by_role("button", name="Nueva invitación").click()
    code = re.search(r"Nuevo código de invitación: (\w+)", fac.content()).group(1)

    fac.get_by_role("link", name="Proponer un ejercicio").first.click()
    fac.get_by_label("Título").fill("Mapa de actores")
    fac.get_by_label("Consigna").fill("Dibuja tu mapa y cuenta **qué cambió**.")
    fac.get_by_label("Solo quienes facilitan leen las respuestas").check()
    fac.get_by_role("button", name="Proponer el ejercicio").click()
    fac.get_by_text("Se propuso el ejercicio.").wait_for()

    learner_context = browser.new_context(locale="es-MX")
    sign_in(learner_context, trainee(username="nueva", display_name="Garza"))
    learner = learner_context.new_page()
    learner.set_default_timeout(10_000)
    learner.goto(f"{site}/es/talleres/unirme/")
    learner.get_by_label("Código de invitación").fill(code)
    learner.get_by_role("button", name="Unirme").click()
    learner.get_by_text("Te damos la bienvenida a Grupo Norte.").wait_for()
    learner.get_by_role("link", name="Mapa de actores").click()
    learner.wait_for_load_state("load")  # so the autosave script is listening
    answer = learner.get_by_label("Tu respuesta")
    answer.fill("La asamblea, la radio y la empresa minera.")
    with learner.expect_response(lambda r: r.request.method == "POST" and r.ok):
        learner.get_by_role("heading", name="Mapa de actores").click()  # autosave on blur
    learner.reload()
    assert learner.get_by_label("Tu respuesta").input_value() == (
        "La asamblea, la radio y la empresa minera."
    )
    learner.get_by_role("button", name="Entregar", exact=True).click()
    learner.get_by_text("Tu respuesta se entregó.").wait_for()

    fac.goto(fac.url.split("/gestionar/")[0] + "/gestionar/")
    fac.get_by_role("link", name="Mapa de actores").first.click()
    assert "La asamblea, la radio y la empresa minera." in fac.content()
    fac.get_by_label("Devolución").fill("Muy claro. ¿Qué actor te preocupa más?")
    fac.get_by_role("button", name="Enviar la devolución").click()
    fac.get_by_text("Se envió tu devolución.").wait_for()
    fac.get_by_role("link", name="Notas privadas").click()
    fac.get_by_label("Sobre").select_option("participant")
    fac.get_by_label("Participante:", exact=True).select_option(label="Garza")
    fac.get_by_label("Nota:", exact=True).fill(NOTE)
    fac.get_by_role("button", name="Guardar la nota").click()
    fac.get_by_text("Se guardó la nota.").wait_for()
    assert NOTE in fac.content()

    learner.reload()
    learner.get_by_text("Muy claro. ¿Qué actor te preocupa más?").wait_for()
    seen = learner.content()
    learner.goto(learner.url.split("/ejercicios/")[0] + "/")
    seen += learner.content()
    learner.goto(f"{site}/es/talleres/")
    seen += learner.content()
    assert NOTE not in seen
    fac_context.close()
    learner_context.close()
