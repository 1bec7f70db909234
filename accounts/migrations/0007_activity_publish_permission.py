"""Moderators publish interactive activities; editors only draft and submit them.

Wagtail makes a snippet's "publish" permission after migrations run (post_migrate); it
is made here first, so the grant works on a fresh database too. The withholding covers
any database where an administrator once gave it to editors by hand."""

from django.db import migrations

PUBLISH = "publish_h5pactivity"
PUBLISHERS = ["Moderators"]
DRAFTERS = ["Editors"]


def _publish_permission(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="curriculum", model="h5pactivity")
    # The name Wagtail gives it (snippets.models.create_extra_permissions).
    return Permission.objects.get_or_create(
        content_type=content_type,
        codename=PUBLISH,
        defaults={"name": "Can publish interactive activity"},
    )[0]


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permission = _publish_permission(apps)
    for name in PUBLISHERS:
        Group.objects.get_or_create(name=name)[0].permissions.add(permission)
    for group in Group.objects.filter(name__in=DRAFTERS):
        group.permissions.remove(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permission = _publish_permission(apps)
    for group in Group.objects.filter(name__in=PUBLISHERS):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_activity_permissions"),
        ("curriculum", "0006_h5pactivity_drafts"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
