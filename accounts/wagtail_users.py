from wagtail.users.apps import WagtailUsersAppConfig


class ClavesWagtailUsersConfig(WagtailUsersAppConfig):
    """wagtail.users with our user screens (accounts.admin_forms)."""

    user_viewset = "accounts.admin_forms.UserViewSet"
