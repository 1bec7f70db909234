"""A facilitator sets up the second factor on the phone they study on: the secret is read
off the page (a phone cannot scan its own QR code), the password is not asked again
seconds after signing in, and the set-up ends where they were going."""

import re

from accounts.roles import FACILITATORS
from tests.factories import PASSWORD, UserFactory, totp_code

PHONE = {"width": 360, "height": 740}


def test_a_facilitator_sets_up_the_second_factor_on_a_phone(browser, site):
    UserFactory(username="alondra", groups=[FACILITATORS])
    context = browser.new_context(locale="es-MX", viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site)
    page = context.new_page()
    page.set_default_timeout(10_000)

    page.goto(f"{site}/es/facilitar/")
    page.get_by_label("Nombre de usuario o correo electrónico").fill("alondra")
    page.get_by_label("Contraseña:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Iniciar sesión").click()

    # Straight to the set-up: no "confirm your password" seconds after typing it.
    page.wait_for_url(re.compile(r"/accounts/2fa/totp/activate/"))
    assert page.get_by_label("Tu contraseña").count() == 0

    secret = page.locator("[data-totp-secret]")
    shown = secret.inner_text()
    groups = shown.split()
    assert all(len(group) <= 4 for group in groups), shown
    box = secret.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    page.get_by_role("button", name="Copiar la clave").click()
    page.get_by_text("Clave copiada", exact=False).wait_for()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "".join(groups)

    page.get_by_label("Código de la aplicación de autenticación").fill(totp_code(copied))
    page.get_by_role("button", name="Activar").click()

    # The recovery codes are offered on the way, then the page they asked for.
    page.get_by_role("heading", name="Códigos de recuperación").wait_for()
    page.get_by_role("link", name="Continuar a donde ibas").click()
    page.wait_for_url(f"{site}/es/facilitar/")
    assert page.get_by_role("heading", level=1).count() == 1
    context.close()
