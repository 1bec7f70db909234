"""A code typed just before it rolls over, on a slow connection, still opens the session;
an older one does not."""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value, validate_totp_code

SECRET = "P4VUZP764ZC3TT6UEU27E3I3BTF5QTDL"


def code_at(steps_ago: int) -> str:
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30 - steps_ago))


def test_the_code_of_the_previous_thirty_seconds_is_still_accepted():
    assert validate_totp_code(SECRET, code_at(1))


def test_a_code_two_steps_old_is_refused():
    assert not validate_totp_code(SECRET, code_at(2))
