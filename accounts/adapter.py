from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.utils.translation import get_language


class AccountAdapter(DefaultAccountAdapter):
    """Claves' rules for allauth: new people start in the language they signed up in,
    and land on the home page of their preferred language; an address another account
    has verified gets a notice, never a verification link."""

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        language = (get_language() or settings.LANGUAGE_CODE)[:2]
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        if not user.display_name:
            user.display_name = user.username
        if commit:
            user.save()
        return user

    def _home_of(self, user) -> str:
        language = getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE
        return f"/{language}/"

    def get_login_redirect_url(self, request):
        return self._home_of(request.user)

    def get_signup_redirect_url(self, request):
        return self._home_of(request.user)

    def get_logout_redirect_url(self, request):
        return f"/{(get_language() or settings.LANGUAGE_CODE)[:2]}/"

    def send_confirmation_mail(self, request, emailconfirmation, signup):
        """Someone signed up with, or added, an address another account has verified.
        The page said "confirmation sent" as for any address; the owner is told someone
        tried it and how to recover their account, with no link: the address can only
        be verified by one account, and a link would tie theirs to a stranger's."""
        address = emailconfirmation.email_address
        verified_elsewhere = (
            EmailAddress.objects.filter(email__iexact=address.email, verified=True)
            .exclude(user_id=address.user_id)
            .exists()
        )
        if verified_elsewhere:
            self.send_account_already_exists_mail(address.email)
        else:
            super().send_confirmation_mail(request, emailconfirmation, signup)

    def _get_login_attempts_cache_key(self, request, **credentials):
        """The per-account count of failed sign-ins is keyed by what was typed, lower
        case. allauth puts the site's domain first, which without django.contrib.sites
        is the Host header: a new port or spelling would start a new count."""
        login = credentials.get("email") or credentials.get("username") or ""
        return login.strip().lower()
