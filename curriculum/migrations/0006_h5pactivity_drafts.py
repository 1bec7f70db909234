"""Interactive activities get drafts, revisions, locking and the pages' moderation
workflow.

Every existing activity becomes live with a first revision holding what readers see
now, and activities go through the workflow the page tree uses ("Moderators approval"),
so an editor's change waits for a moderator. Who may publish is set in
accounts/migrations/0007_activity_publish_permission.py."""

import json

import django.db.models.deletion
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models
from django.utils import timezone

# Wagtail's default workflow, by its own name and by the one booklets gives it.
DEFAULT_WORKFLOWS = ["Moderators approval", "Moderación · Moderation"]


def _content_type(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label="curriculum", model="h5pactivity")[0]


def _revision_content(activity) -> dict:
    """What RevisionMixin.serializable_data() stores (modelcluster's format): "pk", then
    every serialisable concrete field by name, foreign keys as their primary key."""
    content = {"pk": activity.pk}
    for field in activity._meta.concrete_fields:
        if field.serialize:
            content[field.name] = field.value_from_object(activity)
    return json.loads(json.dumps(content, cls=DjangoJSONEncoder))


def publish_existing_activities(apps, schema_editor):
    """Each activity without a revision becomes live, its current row its first
    (published) revision. Rows are updated, not saved, so `uploaded_at` keeps its date."""
    H5PActivity = apps.get_model("curriculum", "H5PActivity")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = _content_type(apps)
    for activity in H5PActivity.objects.filter(latest_revision__isnull=True).order_by("pk"):
        published_at = activity.uploaded_at or timezone.now()
        activity.live = True
        activity.has_unpublished_changes = False
        revision = Revision.objects.create(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(activity.pk),
            created_at=published_at,
            user=None,
            object_str=activity.title,
            content=_revision_content(activity),
        )
        H5PActivity.objects.filter(pk=activity.pk).update(
            live=True,
            has_unpublished_changes=False,
            latest_revision=revision,
            live_revision=revision,
            first_published_at=activity.first_published_at or published_at,
            last_published_at=published_at,
        )


def forget_revisions(apps, schema_editor):
    Revision = apps.get_model("wagtailcore", "Revision")
    Revision.objects.filter(content_type=_content_type(apps)).delete()


def assign_workflow(apps, schema_editor):
    """Activities follow the workflow of the page tree's root (Wagtail's own migrations
    give it "Moderators approval"); without one, publishing stays with whoever holds the
    publish permission."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    root = WorkflowPage.objects.filter(page__depth=1, workflow__active=True).first()
    workflow = (
        root.workflow
        if root is not None
        else Workflow.objects.filter(name__in=DEFAULT_WORKFLOWS, active=True).first()
    )
    if workflow is not None:
        WorkflowContentType.objects.get_or_create(
            content_type=_content_type(apps), defaults={"workflow": workflow}
        )


def unassign_workflow(apps, schema_editor):
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    WorkflowContentType.objects.filter(content_type=_content_type(apps)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("curriculum", "0005_journal_encrypted"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="h5pactivity",
            name="expire_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="expired",
            field=models.BooleanField(default=False, editable=False, verbose_name="expired"),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="first_published_at",
            field=models.DateTimeField(
                blank=True, db_index=True, null=True, verbose_name="first published at"
            ),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="go_live_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="has_unpublished_changes",
            field=models.BooleanField(
                default=False, editable=False, verbose_name="has unpublished changes"
            ),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="last_published_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="last published at"),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="latest_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="latest revision",
            ),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="live",
            field=models.BooleanField(default=True, editable=False, verbose_name="live"),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="live_revision",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.revision",
                verbose_name="live revision",
            ),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="locked",
            field=models.BooleanField(default=False, editable=False, verbose_name="locked"),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="locked_at",
            field=models.DateTimeField(editable=False, null=True, verbose_name="locked at"),
        ),
        migrations.AddField(
            model_name="h5pactivity",
            name="locked_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="locked_%(class)ss",
                to=settings.AUTH_USER_MODEL,
                verbose_name="locked by",
            ),
        ),
        migrations.RunPython(assign_workflow, unassign_workflow),
        migrations.RunPython(publish_existing_activities, forget_revisions),
    ]
