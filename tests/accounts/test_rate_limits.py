"""Failed sign-ins are limited per account and per address, and the limits hold behind
nginx and across server processes: an attacker on one address slows only themselves
and the accounts they target.

What a person who shares the attacker's address (a community hall, a mobile network's
shared address) sees is decided here too: attacks on single accounts leave them alone;
trying many accounts from that address refuses everyone there until a minute after the
attack stops (README, "Deploying at scale")."""

import time
from pathlib import Path

import pytest
from allauth.core.internal import ratelimit
from django.test import Client

from tests.factories import PASSWORD, UserFactory

BASE_DIR = Path(__file__).resolve().parent.parent.parent
LOGIN = "/en/accounts/login/"
WRONG = "not-the-password"
REFUSED = "Too many failed login attempts"
HALL = "203.0.113.7"  # one public address for everyone in the community hall
ELSEWHERE = "198.51.100.20"
NGINX = "127.0.0.1"  # what the application sees as the client when nginx is in front


def attempt(client, login, password, address, *, via_proxy=False):
    """POST the sign-in form from `address`, directly or through one proxy (nginx
    appends the address it saw to X-Forwarded-For and connects from 127.0.0.1)."""
    if via_proxy:
        meta = {"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": address}
    else:
        meta = {"REMOTE_ADDR": address}
    return client.post(LOGIN, {"login": login, "password": password}, **meta)


def signed_in(client, response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in client.session


def refused(response) -> bool:
    return response.status_code == 429 or REFUSED in response.content.decode()


class Clock:
    """Stands in for the `time` module inside allauth's rate limiter: lets a test move
    past a limit's window without waiting."""

    monotonic = staticmethod(time.monotonic)
    sleep = staticmethod(time.sleep)

    def __init__(self):
        self.offset = 0.0

    def time(self) -> float:
        return time.time() + self.offset


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(ratelimit, "time", clock)
    return clock


@pytest.mark.parametrize("via_proxy", [False, True], ids=["direct", "behind-nginx"])
@pytest.mark.parametrize("target", ["one-account", "many-accounts"])
def test_thirty_wrong_passwords_from_one_address_do_not_stop_someone_elsewhere(
    homes, settings, via_proxy, target
):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1 if via_proxy else 0
    victims = [UserFactory(username=f"victim{n}") for n in range(30)]
    attacker = Client()
    for n in range(30):
        victim = victims[0] if target == "one-account" else victims[n]
        response = attempt(attacker, victim.username, WRONG, HALL, via_proxy=via_proxy)
        assert not signed_in(attacker, response)
    # The attacker is slowed down (per account, or per address when spraying)...
    assert refused(response)

    # ...and someone else, with their own account and address, is not.
    someone = Client()
    UserFactory(username="someone")
    response = attempt(someone, "someone", PASSWORD, ELSEWHERE, via_proxy=via_proxy)
    assert signed_in(someone, response)


@pytest.mark.parametrize("proxies", [0, 1])
def test_a_forged_x_forwarded_for_does_not_escape_the_per_address_limit(homes, settings, proxies):
    """Only the entry our own proxy added counts; whatever the client put before it
    (or the whole header, when no proxy is trusted) is ignored."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = proxies
    remote = NGINX if proxies else HALL
    attacker = Client()
    responses = []
    for n in range(40):
        forged = f"10.0.{n}.1"
        header = f"{forged}, {HALL}" if proxies else forged
        responses.append(
            attacker.post(
                LOGIN,
                {"login": f"nobody{n}", "password": WRONG},
                REMOTE_ADDR=remote,
                HTTP_X_FORWARDED_FOR=header,
            )
        )
    assert sum(refused(r) for r in responses) >= 20


def test_someone_at_the_same_hall_signs_in_while_one_account_is_attacked_from_there(homes):
    UserFactory(username="victim")
    UserFactory(username="neighbour")
    attacker = Client()
    for _attempt in range(30):
        attempt(attacker, "victim", WRONG, HALL)

    neighbour = Client()
    assert signed_in(neighbour, attempt(neighbour, "neighbour", PASSWORD, HALL))


def test_a_workshop_at_one_hall_can_mistype_and_still_sign_in(homes):
    """Fifteen people behind one address each mistype their password once, then all
    sign in within the same minute."""
    people = [UserFactory(username=f"participant{n}") for n in range(15)]
    clients = [Client() for _person in people]
    for person, client in zip(people, clients, strict=True):
        assert not signed_in(client, attempt(client, person.username, WRONG, HALL))
    for person, client in zip(people, clients, strict=True):
        assert signed_in(client, attempt(client, person.username, PASSWORD, HALL))


def test_trying_many_accounts_from_the_hall_pauses_the_hall_for_a_minute(homes, clock):
    """The decided trade-off: the per-address limit is what stops one address from
    trying a password on every account, so while that happens everyone behind the
    address waits too; a minute after it stops they sign in, their account untouched."""
    UserFactory(username="neighbour")
    attacker = Client()
    for n in range(30):
        attempt(attacker, f"account{n}", WRONG, HALL)

    neighbour = Client()
    during = attempt(neighbour, "neighbour", PASSWORD, HALL)
    assert refused(during)
    assert not signed_in(neighbour, during)

    clock.offset = 61
    assert signed_in(neighbour, attempt(neighbour, "neighbour", PASSWORD, HALL))


def test_the_attacked_account_waits_five_minutes_wherever_its_owner_is(homes, clock):
    """Per account: the sixth attempt within five minutes is refused from any address,
    so guessing from many addresses gains nothing."""
    UserFactory(username="victim")
    attacker = Client()
    for n in range(5):
        attempt(attacker, "victim", WRONG, f"192.0.2.{n + 1}")

    owner = Client()
    assert refused(attempt(owner, "victim", PASSWORD, ELSEWHERE))
    clock.offset = 4 * 60
    assert refused(attempt(owner, "victim", PASSWORD, ELSEWHERE))
    clock.offset = 5 * 60 + 1
    assert signed_in(owner, attempt(owner, "victim", PASSWORD, ELSEWHERE))


def test_a_different_host_header_does_not_start_a_new_count(homes, settings):
    """The per-account count must not depend on how the client spells our host name:
    nginx may pass the Host header on, port and all."""
    settings.ALLOWED_HOSTS = ["claves.example.org"]
    UserFactory(username="victim")
    attacker = Client()
    for n in range(5):
        attacker.post(
            LOGIN,
            {"login": "victim", "password": WRONG},
            REMOTE_ADDR=f"192.0.2.{n + 1}",
            HTTP_HOST=f"claves.example.org:{8000 + n}",
        )
    sixth = attacker.post(
        LOGIN,
        {"login": "victim", "password": PASSWORD},
        REMOTE_ADDR=ELSEWHERE,
        HTTP_HOST="claves.example.org:9999",
    )
    assert refused(sixth)
    assert not signed_in(attacker, sixth)
