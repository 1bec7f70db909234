from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.internal.userkit import get_user_by_username
from allauth.account.models import EmailAddress


class VerifiedEmailAuthenticationBackend(AuthenticationBackend):
    """allauth's backend, except that signing in by email works only with a verified
    address (an address someone typed but never confirmed is never used), and that a
    failed attempt costs the same whoever it names: exactly two password hashes, one
    for the account with that verified address and one for the account with that
    username, a decoy where there is none. allauth's own checks as many passwords as
    it finds accounts, so its timing tells a known address from an unknown one."""

    def authenticate(self, request, **credentials):
        password = credentials.get("password")
        login = credentials.get("email") or credentials.get("username")
        if not password or not login:
            return None
        self._did_check_password = False
        address = (
            EmailAddress.objects.filter(email__iexact=login, verified=True)
            .select_related("user")
            .first()
        )
        candidates = [address.user if address else None, get_user_by_username(login)]
        user = None
        for candidate in candidates:
            if candidate is None or user is not None:
                self._mitigate_timing_attack(password)
            else:
                user = self._check_password(candidate, password)
        return user
