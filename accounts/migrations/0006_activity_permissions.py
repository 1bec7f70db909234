"""Editors and moderators manage interactive activities (H5P packages)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = {
    "Editors": ["add_h5pactivity", "change_h5pactivity", "view_h5pactivity"],
    "Moderators": ["add_h5pactivity", "change_h5pactivity", "view_h5pactivity", "delete_h5pactivity"],
}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, codenames in PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="curriculum", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0005_show_sensitive_content"),
        ("curriculum", "0003_h5p_activity"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
