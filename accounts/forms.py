from allauth.account.forms import LoginForm as AllauthLoginForm
from allauth.account.forms import ResetPasswordForm
from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _


class VerifiedEmailResetPasswordForm(ResetPasswordForm):
    """Password reset mail goes only to verified addresses. The page says the same
    whatever was typed, so nobody learns who has an account."""

    def clean_email(self):
        email = super().clean_email()
        verified = set(
            EmailAddress.objects.filter(email__iexact=email, verified=True).values_list(
                "user_id", flat=True
            )
        )
        self.users = [user for user in self.users if user.pk in verified]
        return email


class ProfileForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["display_name", "preferred_language", "show_sensitive_content"]
        widgets = {"preferred_language": forms.RadioSelect}

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Please choose a name others will see."))
        return name


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


class LoginForm(AllauthLoginForm):
    """allauth's sign-in form with a plain label for the one identifier field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or email")
        self.fields["login"].widget.attrs["placeholder"] = ""
