"""A person signs up with a pseudonym, signs in, downloads their data and leaves."""

import json
import re

PASSWORD = "una clave larga y propia 2026"


def test_sign_up_sign_in_download_and_delete(site, page):
    page.goto(f"{site}/es/accounts/signup/")
    page.get_by_label("Usuario").fill("garza-morena")
    page.get_by_label("Contraseña:", exact=True).fill(PASSWORD)
    page.get_by_label(re.compile(r"^Contraseña \(")).fill(PASSWORD)  # "(otra vez)"
    page.get_by_role("button", name="Registrarse").click()
    page.wait_for_url(f"{site}/es/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.get_by_role("status").get_by_text("garza-morena").is_visible()

    page.get_by_role("button", name="Cerrar sesión").click()
    page.wait_for_url(f"{site}/es/")
    page.get_by_role("link", name="Iniciar sesión").click()
    page.get_by_label("Nombre de usuario o correo electrónico").fill("garza-morena")
    page.get_by_label("Contraseña:", exact=True).fill(PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Iniciar sesión").click()
    page.wait_for_url(f"{site}/es/")

    page.goto(f"{site}/es/accounts/my-data/")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Descargar mis datos").click()
    download = download_info.value
    assert download.suggested_filename.startswith("claves-my-data-")
    data = json.loads(open(download.path(), encoding="utf-8").read())  # noqa: SIM115
    assert "garza-morena" in data["account"].values()

    page.goto(f"{site}/es/accounts/delete/")
    page.get_by_label("Tu contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Eliminar mi cuenta para siempre").click()
    page.wait_for_url(f"{site}/es/")
    assert page.get_by_text("Se eliminaron tu cuenta y tus datos.").is_visible()
    assert page.get_by_role("link", name="Iniciar sesión").is_visible()
