"""Every Spanish page of the account flows speaks as our own pages do: "tú", sentence
case, and no promise of something Claves does not do. allauth's own Spanish says
"usted" and writes titles in Title Case; our catalogue overrides it."""

import re
import time
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD, sign_in, trainee

pytestmark = pytest.mark.django_db

# Forms that address the reader as "usted" (or speak like a call centre).
USTED = re.compile(
    r"\b(usted|su cuenta|su contraseña|su correo|su dirección|su usuario|sus códigos"
    r"|su aplicación|tiene una cuenta|inicie|escanee|ingrese|introduzca|haga clic"
    r"|por favor|olvidó|ha olvidado|desea|confirme|verifique|regístrese|utilice"
    r"|está seguro|está a punto|puede guardar|póngase|compruebe|le hemos|contáctenos"
    r"|ha iniciado|ha cerrado|vuelva a)\b",
    re.IGNORECASE,
)
# Claves has no notifications: no page may promise them.
PROMISES = re.compile(r"notificaci", re.IGNORECASE)
# Words that keep their capital inside a sentence.
PROPER = {"Claves", "QR", "TOTP", "English", "Español", "Mayús"}


class _Texts(HTMLParser):
    """The text a reader meets: all visible text, and apart the short texts that must
    be in sentence case (titles, headings, buttons, labels, links)."""

    SHORT = {"title", "h1", "h2", "h3", "button", "label", "legend", "a", "summary"}

    def __init__(self):
        super().__init__()
        self.text, self.short, self._open = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("placeholder", "aria-label", "title"):
            if attrs.get(name):
                self.text.append(attrs[name])
        if tag == "input" and attrs.get("type") == "submit" and attrs.get("value"):
            self.short.append(attrs["value"])
        if tag in self.SHORT or tag in {"script", "style"}:
            self._open.append([tag, ""])

    def handle_endtag(self, tag):
        if self._open and self._open[-1][0] == tag:
            tag, text = self._open.pop()
            if tag in self.SHORT and text.strip():
                self.short.append(" ".join(text.split()))

    def handle_data(self, data):
        if self._open and self._open[-1][0] in {"script", "style"}:
            return
        self.text.append(data)
        for entry in self._open:
            entry[1] += data


def _title_case_words(text: str) -> list[str]:
    """Capitalised words inside a sentence ("Restablecer Contraseña")."""
    found = []
    for sentence in re.split(r"[.:;?!¿¡·()«»“”\"/|\u2013\u2014-]", text):
        words = sentence.split()
        found += [w for w in words[1:] if w[:1].isupper() and w[1:].islower() and w not in PROPER]
    return found


def _voice_problems(html: str) -> list[str]:
    parser = _Texts()
    parser.feed(html)
    text = " ".join(" ".join(parser.text).split())
    problems = [
        f"usted: …{text[max(m.start() - 40, 0) : m.end() + 40]}…" for m in USTED.finditer(text)
    ]
    problems += [f"promise: {m.group(0)}" for m in PROMISES.finditer(text)]
    problems += [f"Title Case: {s!r}" for s in parser.short if _title_case_words(s)]
    return problems


def test_the_checks_catch_allauths_own_spanish():
    """The checks themselves: allauth's Spanish fails them, ours passes."""
    assert _voice_problems("<p>¿Ya tiene una cuenta? Por favor inicie sesión</p>")
    assert _voice_problems("<p>Escanee el código QR</p>")
    assert _voice_problems("<h1>Restablecer Contraseña</h1>")
    assert _voice_problems("<p>Añade un correo para recibir notificaciones.</p>")
    assert not _voice_problems("<h1>Restablecer la contraseña</h1><p>¿Ya tienes una cuenta?</p>")
    assert not _voice_problems("<h1>Iniciar sesión en Claves</h1><button>Código QR</button>")


def _url(name: str) -> str:
    with translation.override("es"):
        return reverse(name)


SIGNED_OUT = [
    "account_login",
    "account_signup",
    "account_reset_password",
    "account_reset_password_done",
]
SIGNED_IN = [
    "account_change_password",
    "account_email",
    "account_logout",
    "account_reauthenticate",
    "mfa_index",
    "mfa_activate_totp",
    "accounts:sessions",
]
WITH_SECOND_FACTOR = [
    "mfa_index",
    "mfa_reauthenticate",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_deactivate_totp",
]


def _assert_one_voice(response, where):
    assert response.status_code == 200, where
    assert response.headers["Content-Language"] == "es", where
    problems = _voice_problems(response.content.decode())
    assert problems == [], f"{where}: {problems}"


@pytest.mark.parametrize("name", SIGNED_OUT)
def test_signed_out_pages_say_tu(client, homes, name):
    _assert_one_voice(client.get(_url(name)), name)


def test_a_used_reset_link_says_tu(client, homes):
    page = client.get(_url("account_reset_password") + "key/1-set-password/", follow=True)
    _assert_one_voice(page, "password reset with a bad key")


def test_form_errors_say_tu(client, homes):
    person = trainee()
    wrong = client.post(_url("account_login"), {"login": person.username, "password": "nope"})
    _assert_one_voice(wrong, "wrong password")
    mismatch = client.post(
        _url("account_signup"),
        {"username": "otra", "password1": PASSWORD, "password2": PASSWORD + "x"},
    )
    _assert_one_voice(mismatch, "sign-up with different passwords")


def test_signing_in_and_out_says_tu(client, homes):
    person = trainee()
    signed_in = client.post(
        _url("account_login"), {"login": person.username, "password": PASSWORD}, follow=True
    )
    _assert_one_voice(signed_in, "after signing in")
    signed_out = client.post(_url("account_logout"), follow=True)
    _assert_one_voice(signed_out, "after signing out")


def _sign_in_just_now(client, person):
    """Signed in, and the password or code given again a moment ago: the pages that
    change the second factor ask for that first."""
    from allauth.account.authentication import AUTHENTICATION_METHODS_SESSION_KEY

    sign_in(client, person)
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] += [
        {"method": "password", "at": time.time(), "reauthenticated": True}
    ]
    session.save()


@pytest.mark.parametrize("name", SIGNED_IN)
def test_signed_in_pages_say_tu(client, homes, name):
    _sign_in_just_now(client, trainee())
    _assert_one_voice(client.get(_url(name)), name)


@pytest.mark.parametrize("name", WITH_SECOND_FACTOR)
def test_second_factor_pages_say_tu(client, homes, name):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes

    person = trainee(mfa=True)
    RecoveryCodes.activate(person)
    _sign_in_just_now(client, person)
    _assert_one_voice(client.get(_url(name)), name)


def test_the_second_factor_step_of_sign_in_says_tu(client, homes):
    person = trainee(mfa=True)
    page = client.post(
        _url("account_login"), {"login": person.username, "password": PASSWORD}, follow=True
    )
    assert page.redirect_chain[-1][0] == _url("mfa_authenticate")
    _assert_one_voice(page, "mfa_authenticate")


def test_every_msgid_we_translate_is_still_allauths_or_djangos():
    """An upgrade that rewords a msgid would silently bring "usted" back."""
    import ast
    from pathlib import Path

    import allauth
    import django
    import polib

    from accounts import allauth_voice

    tree = ast.parse(Path(allauth_voice.__file__).read_text())
    ours = {node.args[0].value for node in ast.walk(tree) if isinstance(node, ast.Call)}
    theirs = set()
    for package, app in ((allauth, ""), (django, "conf/"), (django, "contrib/auth/")):
        catalogue = Path(package.__file__).parent / f"{app}locale/es/LC_MESSAGES/django.po"
        theirs |= {entry.msgid for entry in polib.pofile(str(catalogue))}
    assert len(ours) > 100
    assert ours - theirs == set()
