"""One way in: allauth's sign-in, with its rate limits and the second-factor step, is the
only view that authenticates a person or sends a reset mail. A stolen password alone
opens no staff power, from any URL."""

import re

import pytest
from django.contrib.auth import SESSION_KEY
from django.core import mail
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import override

from tests.factories import PASSWORD, superuser, totp_activate, totp_code

pytestmark = pytest.mark.django_db

# Sample values for path converters and regex groups, so every pattern can be visited.
SAMPLE_FOR_CONVERTER = {
    "int": "1",
    "str": "x",
    "slug": "x",
    "uuid": "00000000-0000-0000-0000-000000000000",
    "path": "x/",
}
# allauth's reset key links and Django's (Wagtail's) reset confirmation links.
RESET_LINK = re.compile(r"reset/(key|confirm)/")


def _concrete_paths(resolver: URLResolver, prefix: str = ""):
    """Every pattern in the URL map as a concrete path (parameters filled in)."""
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            yield from _concrete_paths(entry, prefix + _fill(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield prefix + _fill(entry.pattern), entry


def _fill(pattern) -> str:
    text = str(pattern)
    if hasattr(pattern, "converters") and pattern.converters:
        for name, converter in pattern.converters.items():
            kind = type(converter).__name__.replace("Converter", "").lower()
            sample = SAMPLE_FOR_CONVERTER.get(kind, "1")
            text = re.sub(rf"<(?:\w+:)?{name}>", sample, text)
        return text
    # Regular-expression patterns: drop anchors, fill groups with a plain segment.
    text = text.lstrip("^").rstrip("$").replace("\\", "")
    text = re.sub(r"\(\?P<\w+>[^)]*\)\)?", "x/", text)
    text = re.sub(r"\([^)]*\)[*+?]?", "", text)
    return text.replace("//", "/")


def _all_paths():
    with override("es"):
        resolver = get_resolver()
        seen = set()
        for path, _entry in _concrete_paths(resolver):
            path = "/" + path.lstrip("/")
            if path not in seen:
                seen.add(path)
                yield path


@pytest.fixture
def staff_with_totp(homes):
    person = superuser(username="guardiana", email="guardiana@example.org", mfa=False)
    secret = totp_activate(person)
    return person, secret


def test_no_url_signs_a_staff_member_in_with_the_password_alone(staff_with_totp):
    person, _secret = staff_with_totp
    credentials = {
        "login": person.username,
        "username": person.username,
        "email": person.email,
        "password": PASSWORD,
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    visited = 0
    for path in _all_paths():
        client = Client()
        client.get(path)
        client.post(path, credentials)
        visited += 1
        assert SESSION_KEY not in client.session, f"{path} signed a staff member in"
        assert not any(RESET_LINK.search(m.body) for m in mail.outbox), (
            f"{path} mailed a reset link"
        )
    assert visited > 40  # the walk really covered the URL map


def test_wagtails_front_end_login_sends_people_to_our_sign_in(staff_with_totp):
    person, _secret = staff_with_totp
    client = Client()
    for path in ("/es/_util/login/", "/en/_util/login/"):
        answer = client.get(path + "?next=/es/")
        assert answer.status_code == 302
        assert answer["Location"].startswith(path[:3] + "/accounts/login/")
        client.post(path, {"username": person.username, "password": PASSWORD})
        assert SESSION_KEY not in client.session


def test_wagtails_admin_password_reset_is_off(staff_with_totp):
    person, _secret = staff_with_totp
    client = Client()
    for path in ("/admin/password_reset/", "/es/admin/password_reset/"):
        assert client.get(path, follow=True).status_code == 404
        client.post(path, {"email": person.email}, follow=True)
    assert mail.outbox == []


def test_the_real_sign_in_asks_for_the_code_and_then_opens_the_admin(staff_with_totp):
    person, secret = staff_with_totp
    client = Client()
    step = client.post("/es/accounts/login/", {"login": person.username, "password": PASSWORD})
    assert step.status_code == 302
    assert step["Location"].startswith("/es/accounts/2fa/authenticate/")
    assert SESSION_KEY not in client.session
    assert client.get("/admin/")["Location"].startswith("/es/accounts/login/")

    done = client.post(step["Location"], {"code": totp_code(secret)})
    assert done.status_code == 302
    assert int(client.session[SESSION_KEY]) == person.pk
    assert client.get("/admin/").status_code == 200


def test_a_private_wagtail_page_sends_people_to_our_sign_in(homes):
    from wagtail.models import PageViewRestriction

    from tests.factories import StandardPageFactory

    page = StandardPageFactory(parent=homes["es"], slug="privada")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    answer = Client().get(page.url)
    assert answer.status_code == 302
    assert answer["Location"].startswith("/es/accounts/login/")
