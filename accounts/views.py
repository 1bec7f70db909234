from allauth.mfa.totp.views import ActivateTOTPView
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from accounts.export import user_data_export_chunks
from accounts.forms import DeleteAccountForm, ProfileForm
from accounts.models import UserSession
from accounts.redirects import safe_next
from accounts.services import sessions_end_all, user_delete


def quick_exit(request):
    """The quick exit without JavaScript (and where the script sends people too): sign
    out, ask the browser to drop what it cached of this site, and leave for a neutral
    page. Clearing cookies also ends the session on this device."""
    if request.user.is_authenticated:
        logout(request)
    request.session.flush()
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL)
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    response["Referrer-Policy"] = "no-referrer"
    return response


@login_required
def profile(request):
    """The person's own page: their name, language and the ways to manage the account."""
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your profile has been saved."))
        # The page comes back in the language the person just chose.
        with translation.override(user.preferred_language):
            return redirect(reverse("accounts:profile"))
    return render(request, "accounts/profile.html", {"form": form})


@login_required
def sessions(request):
    """Where this person is signed in, and a way to sign out everywhere."""
    tracked = UserSession.objects.filter(user=request.user)
    return render(
        request,
        "accounts/sessions.html",
        {"tracked_sessions": tracked, "current_key": request.session.session_key},
    )


@login_required
@require_POST
def sessions_sign_out_everywhere(request):
    sessions_end_all(user=request.user)
    # The current session went with the others; say so on a fresh, anonymous one.
    request.session.flush()
    messages.success(request, _("You have been signed out on every device."))
    return redirect("account_login")


@login_required
def my_data(request):
    """Explains the export; a POST downloads it."""
    if request.method == "POST":
        stamp = timezone.localdate().isoformat()
        # Streamed row by row: a heavy user's export is never one string in memory.
        response = StreamingHttpResponse(
            user_data_export_chunks(user=request.user, language=translation.get_language()),
            content_type="application/json; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="claves-my-data-{stamp}.json"'
        return response
    return render(request, "accounts/my_data.html")


@sensitive_post_parameters("password")
@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user_delete(user=request.user, request=request)
        messages.success(request, _("Your account and your data have been deleted."))
        response = redirect("/")
        # Not "cookies": the message above travels in one.
        response["Clear-Site-Data"] = '"cache", "storage"'
        return response
    return render(request, "accounts/delete_account.html", {"form": form})


class ActivateTOTPThenContinue(ActivateTOTPView):
    """allauth's set-up of an authenticator app, ending on the recovery codes with the
    way on to the page the person was going to when they were asked to set it up."""

    def get_success_url(self) -> str:
        codes = super().get_success_url()
        target = safe_next(self.request)
        return f"{codes}?{urlencode({'next': target})}" if target else codes


activate_totp = ActivateTOTPThenContinue.as_view()
