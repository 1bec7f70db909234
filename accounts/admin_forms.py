"""Settings → Users in the Wagtail admin, for Claves' user model.

A username and a display name are enough: no real names, an email address only when the
person wants one. Roles are groups. Wagtail's own forms ask for first and last names and
its templates show only the fields they know; the templates in
accounts/templates/wagtailusers/users/ show exactly the fields of these forms.
"""

import django_filters.fields
from allauth.account.models import EmailAddress
from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models.functions import Lower
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users

from accounts.roles import EDITORS, FACILITATORS, MODERATORS
from accounts.services import sessions_end_all

User = get_user_model()

# The fields Claves adds to Wagtail's (username, email, passwords, is_active,
# is_superuser, groups). first_name and last_name are left out: never needed.
EXTRA_FIELDS = ("display_name", "preferred_language")
REAL_NAME_FIELDS = ("first_name", "last_name")

# Roles are groups whose names are data (made by migrations); people see them translated.
ROLE_LABELS = {
    FACILITATORS: _("Facilitators"),
    EDITORS: _("Editors"),
    MODERATORS: _("Moderators"),
}


def role_label(group: Group) -> str:
    return str(ROLE_LABELS.get(group.name, group.name))


class _RoleLabelMixin:
    def label_from_instance(self, obj):
        return role_label(obj)


class RoleChoiceField(_RoleLabelMixin, forms.ModelMultipleChoiceField):
    pass


class _RoleFilterField(_RoleLabelMixin, django_filters.fields.ModelMultipleChoiceField):
    pass


class _ClavesUserFormMixin:
    """What the create and edit forms share: our fields, optional unique email, roles."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in REAL_NAME_FIELDS:
            self.fields.pop(name, None)

        display_name = self.fields["display_name"]
        display_name.required = True
        display_name.error_messages["required"] = _("Please choose a name others will see.")
        self.fields["preferred_language"].help_text = _(
            "The language Claves opens in after this person signs in."
        )
        self.fields["email"].required = False
        self.fields["email"].help_text = _(
            "Optional. The person confirms it before it can be used to sign in or reset a password."
        )
        groups = self.fields["groups"]
        self.fields["groups"] = RoleChoiceField(
            queryset=Group.objects.order_by("name"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=_("Roles"),
            help_text=_(
                "Facilitators run cohorts; editors write booklets; moderators review and "
                "publish them."
            ),
            initial=groups.initial,
        )
        # Only an administrator makes administrators: someone trusted with managing
        # people must not be able to raise anyone, themselves included, above that.
        if for_user is not None and not for_user.is_superuser:
            self.fields.pop("is_superuser", None)

    def clean_display_name(self):
        name = self.cleaned_data["display_name"].strip()
        if not name:
            raise forms.ValidationError(_("Please choose a name others will see."))
        return name

    def clean_email(self):
        email = User.objects.normalize_email((self.cleaned_data.get("email") or "").strip())
        if not email:
            return ""
        others = User._default_manager.exclude(pk=self.instance.pk)
        taken = (
            others.filter(email__iexact=email).exists()
            or EmailAddress.objects.filter(email__iexact=email)
            .exclude(user_id=self.instance.pk)
            .exists()
        )
        if taken:
            raise forms.ValidationError(
                _("Another person already uses this email address."), code="unique"
            )
        return email


class ClavesUserCreationForm(_ClavesUserFormMixin, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        fields = (
            User.USERNAME_FIELD,
            *EXTRA_FIELDS,
            "email",
            "is_superuser",
            "groups",
        )


class ClavesUserEditForm(_ClavesUserFormMixin, UserEditForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "is_active" in self.fields:
            self.fields["is_active"].help_text = _(
                "Untick to close the account without deleting it: the person is signed "
                "out everywhere at once and cannot sign in."
            )

    class Meta(UserEditForm.Meta):
        fields = (
            User.USERNAME_FIELD,
            *EXTRA_FIELDS,
            "email",
            "is_active",
            "is_superuser",
            "groups",
        )


def _email_addresses_follow(user) -> None:
    """Make allauth's addresses match the one an admin set: an address removed here stops
    working for signing in and password reset; a new one waits for the person to confirm
    it (see accounts.auth_backends)."""
    addresses = EmailAddress.objects.filter(user=user)
    if user.email:
        addresses = addresses.exclude(email__iexact=user.email)
    addresses.delete()
    if user.email and not EmailAddress.objects.filter(user=user).exists():
        EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=False)


class _ForUserMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["for_user"] = self.request.user
        return kwargs


class CreateView(_ForUserMixin, wagtail_users.CreateView):
    def save_instance(self):
        # Runs inside the view's transaction.
        instance = super().save_instance()
        _email_addresses_follow(instance)
        return instance


class EditView(_ForUserMixin, wagtail_users.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Changing an administrator's password or address would be taking their account.
        if self.object.is_superuser and not request.user.is_superuser:
            raise PermissionDenied

    def save_instance(self):
        # Runs inside the view's transaction: the account and its sessions change together.
        instance = super().save_instance()
        if "email" in self.form.changed_data:
            _email_addresses_follow(instance)
        if "is_active" in self.form.changed_data and not instance.is_active:
            sessions_end_all(user=instance)
        return instance


def _roles_of(user) -> str:
    return ", ".join(sorted(role_label(group) for group in user.groups.all()))


class RoleFilter(wagtail_users.GroupFilter):
    field_class = _RoleFilterField


class UserFilterSet(wagtail_users.UserFilterSet):
    def __init__(self, *args, is_searching=False, **kwargs):
        super().__init__(*args, is_searching=is_searching, **kwargs)
        self.filters["group"] = RoleFilter(
            field_name="groups",
            queryset=Group.objects.order_by("name"),
            label=_("Role"),
            use_subquery=is_searching,
            widget=forms.CheckboxSelectMultiple,
        )

    class Meta(wagtail_users.UserFilterSet.Meta):
        pass


class IndexView(wagtail_users.IndexView):
    """The list of people: the name others see, the username, roles and status."""

    search_fields = ("username", "display_name", "email")

    @cached_property
    def columns(self):
        name_column = self._get_title_column_class(wagtail_users.UserColumn)
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="user"),
            name_column(
                "name",
                accessor=str,
                label=_("Name"),
                sort_key="name",
                get_url=self.get_edit_url,
                classname="name",
            ),
            Column(
                User.USERNAME_FIELD,
                accessor="get_username",
                label=_("Username"),
                sort_key=User.USERNAME_FIELD,
                classname="username",
                width="15%",
            ),
            Column("roles", accessor=_roles_of, label=_("Roles"), classname="roles", width="20%"),
            Column(
                "is_superuser",
                accessor=lambda u: _("Administrator") if u.is_superuser else "",
                label=_("Access level"),
                sort_key="is_superuser",
                classname="level",
                width="10%",
            ),
            Column(
                "is_active",
                accessor=lambda u: _("Active") if u.is_active else _("Inactive"),
                label=_("Status"),
                sort_key="is_active",
                classname="status",
                width="10%",
            ),
            DateColumn(
                "last_login",
                label=_("Last sign-in"),
                sort_key="last_login",
                classname="last-login",
                width="15%",
            ),
        ]

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")

    def order_queryset(self, queryset):
        if self.ordering in ("name", "-name"):
            fields = (Lower("display_name"), Lower(User.USERNAME_FIELD))
            if self.ordering == "-name":
                fields = tuple(field.desc() for field in fields)
            return queryset.order_by(*fields)
        return super().order_queryset(queryset)


class UserViewSet(wagtail_users.UserViewSet):
    """Wagtail's user screens with Claves' fields, where an admin assigns roles."""

    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    filterset_class = UserFilterSet
    # Wagtail's copy screen saves its form over the account it copies, past the edit
    # screen's checks; people are never copied.
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ClavesUserEditForm if for_update else ClavesUserCreationForm
