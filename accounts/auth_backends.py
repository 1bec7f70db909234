from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.models import EmailAddress


class VerifiedEmailAuthenticationBackend(AuthenticationBackend):
    """allauth's backend, except that signing in by email works only with a verified
    address: an address someone typed but never confirmed is never used."""

    def _authenticate_by_email(self, email, password):
        users = [
            address.user
            for address in EmailAddress.objects.filter(
                email__iexact=email, verified=True
            ).select_related("user")
        ]
        for user in users:
            if self._check_password(user, password):
                return user
        self._mitigate_timing_attack(password)
        return None
