"""Wagtail's default workflow and its task are both named "Moderators approval", in
English, and editors read the name in buttons and statuses ("Submit to …", "In …").
A name is data, not an interface string, so it cannot follow each person's language:
it becomes one that reads in both. Left alone if someone already renamed it."""

from django.db import migrations

OLD = "Moderators approval"
WORKFLOW = "Moderación · Moderation"
TASK = "Aprobación · Approval"


def rename(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=OLD).update(name=WORKFLOW)
    apps.get_model("wagtailcore", "Task").objects.filter(name=OLD).update(name=TASK)


def rename_back(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).update(name=OLD)
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK).update(name=OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("booklets", "0008_edition_frozen"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
