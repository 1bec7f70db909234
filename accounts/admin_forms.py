"""Wagtail's user forms without the demand for real names: a username is enough."""

from django.utils.translation import gettext_lazy as _
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

EXTRA_FIELDS = ("display_name", "preferred_language")


class _OptionalIdentityMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("email", "first_name", "last_name"):
            if name in self.fields:
                self.fields[name].required = False
        self.fields["first_name"].help_text = _("Optional. Never needed by Claves.")
        self.fields["last_name"].help_text = _("Optional. Never needed by Claves.")
        self.fields["email"].help_text = _("Optional.")


class ClavesUserCreationForm(_OptionalIdentityMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = (*UserCreationForm.Meta.fields, *EXTRA_FIELDS)


class ClavesUserEditForm(_OptionalIdentityMixin, UserEditForm):
    class Meta(UserEditForm.Meta):
        fields = (*UserEditForm.Meta.fields, *EXTRA_FIELDS)


class UserViewSet(WagtailUserViewSet):
    """Wagtail's user screens, where an admin assigns roles (groups)."""

    def get_form_class(self, for_update=False):
        return ClavesUserEditForm if for_update else ClavesUserCreationForm
