"""Roles as groups with their permissions, so every fresh database has them.

trainee: everyone who signs up, no group. facilitator: the Facilitators group.
editor: Wagtail's Editors group (admin access, page editing) plus the glossary and
translations. moderator: Wagtail's Moderators group (publishes) plus the same.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ROLE_PERMISSIONS = {
    "Editors": [
        ("wagtailadmin", "admin", "access_admin"),
        ("curriculum", "glossaryterm", "add_glossaryterm"),
        ("curriculum", "glossaryterm", "change_glossaryterm"),
        ("curriculum", "glossaryterm", "view_glossaryterm"),
        ("wagtail_localize", "translation", "submit_translation"),
    ],
    "Moderators": [
        ("wagtailadmin", "admin", "access_admin"),
        ("curriculum", "glossaryterm", "add_glossaryterm"),
        ("curriculum", "glossaryterm", "change_glossaryterm"),
        ("curriculum", "glossaryterm", "delete_glossaryterm"),
        ("curriculum", "glossaryterm", "view_glossaryterm"),
        ("wagtail_localize", "translation", "submit_translation"),
    ],
    "Facilitators": [],
}


def grant(apps, schema_editor):
    # Permissions of models created in this same `migrate` run do not exist until
    # post_migrate; make them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, permissions in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, _model, codename in permissions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_preferred_language_and_sessions"),
        ("curriculum", "0001_glossary_term"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
