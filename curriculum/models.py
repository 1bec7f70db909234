from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from accounts.crypto import EncryptedTextField
from curriculum.h5p import STORAGE_ROOT


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    """A cross-cutting idea of the model (psychosocial trauma, political subject, ...),
    defined once per language and linked from key concept blocks."""

    term = models.CharField(_("term"), max_length=120, help_text=_("The word or phrase."))
    slug = models.SlugField(
        _("slug"),
        max_length=140,
        allow_unicode=True,
        blank=True,
        help_text=_("Used as its anchor on the glossary page; made from the term when empty."),
    )
    definition = models.TextField(
        _("definition"),
        help_text=_("A short definition in plain words, two or three sentences."),
    )
    related_terms = models.ManyToManyField(
        "self",
        blank=True,
        verbose_name=_("related terms"),
        help_text=_("Other terms a reader should look at next."),
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("slug"),
        FieldPanel("definition"),
        FieldPanel("related_terms"),
    ]
    # Autocompletion too: a half-typed last word ("desapar") finds the term (search.selectors).
    search_fields = [
        index.SearchField("term"),
        index.SearchField("definition"),
        index.AutocompleteField("term"),
        index.AutocompleteField("definition"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_glossary_slug_per_locale"
            )
        ]

    def __str__(self) -> str:
        return self.term

    def save(self, *args, **kwargs):
        if not self.slug:
            # ASCII anchors read well in any address bar; other scripts keep their letters.
            self.slug = (slugify(self.term) or slugify(self.term, allow_unicode=True))[:140]
        super().save(*args, **kwargs)


class ModuleProgress(models.Model):
    """A trainee studied a module. Kept by the module's translation_key, so studying in
    Spanish and then in English is one record, and by the edition it was made on."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="module_progress",
        verbose_name=_("user"),
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    booklet_key = models.UUIDField(_("booklet"))
    edition = models.PositiveSmallIntegerField(_("edition"))
    studied_at = models.DateTimeField(_("studied at"), default=timezone.now)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        ordering = ["-studied_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key", "edition"], name="one_progress_per_module_edition"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.module_key} (ed. {self.edition})"


class JournalEntry(models.Model):
    """A private answer to a reflection question: only its author ever reads it, and the
    database holds it only encrypted."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="journal_entries",
        verbose_name=_("author"),
    )
    module_key = models.UUIDField(_("module"))
    booklet_key = models.UUIDField(_("booklet"))
    prompt_id = models.CharField(_("question"), max_length=64)
    prompt = models.TextField(_("question text"), help_text=_("The question as it was asked."))
    # Encrypted at rest with the facilitator notes' key ring (accounts.crypto).
    body = EncryptedTextField(_("entry"), blank=True, help_text=_("Markdown."))
    # The body rendered at save time, so the journal list renders no Markdown; encrypted
    # like the body. Rendered again when the renderer's version (curriculum.markdown) moves.
    # Null in rows written before it existed (and by older code): rendered when next shown.
    body_html = EncryptedTextField(_("entry as shown"), null=True, blank=True, editable=False)
    body_html_version = models.PositiveSmallIntegerField(default=0, db_default=0, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "module_key", "prompt_id"], name="one_entry_per_question"
            )
        ]

    def __str__(self) -> str:
        return self.prompt[:60]


class H5PActivity(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    models.Model,
):
    """An interactive activity (an H5P package), in one language.

    Only the checked, extracted package is kept, in `h5p/<sha256>/` of media storage;
    see curriculum.h5p. Editors upload it through the snippet form.

    A change (a new package, a new title) is a draft that a moderator publishes, through
    the same moderation workflow as pages: this row holds the live version
    (what readers get, see `is_playable`), a draft lives only in its revision. While a
    change awaits moderation it is locked to all but the moderators, so what they approve
    is what was submitted. A draft's package is stored on upload, which is harmless: it
    is content-addressed and nothing links to it until the draft is published."""

    title = models.CharField(_("title"), max_length=200, help_text=_("What readers see."))
    package_digest = models.CharField(_("package"), max_length=64, editable=False)
    main_library = models.CharField(_("content type"), max_length=120, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now=True)

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("interactive activity")
        verbose_name_plural = _("interactive activities")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    @property
    def folder(self) -> str:
        return f"{STORAGE_ROOT}/{self.package_digest}"

    @property
    def is_playable(self) -> bool:
        """Is there a published version readers may play? (A never-published or
        unpublished activity holds a draft, or the last live version, in this row.)"""
        return self.live and bool(self.package_digest)


class ActivityAttempt(models.Model):
    """A person's latest result in an interactive activity, by the activity's
    translation_key (Spanish and English share it). Scores are formative: the browser
    reports them."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_attempts",
        verbose_name=_("person"),
    )
    activity_key = models.UUIDField(_("activity"))
    completed = models.BooleanField(_("completed"), default=False)
    success = models.BooleanField(_("success"), null=True)
    score_raw = models.FloatField(_("score"), null=True)
    score_min = models.FloatField(_("minimum score"), null=True)
    score_max = models.FloatField(_("maximum score"), null=True)
    score_scaled = models.FloatField(_("scaled score"), null=True)
    state = models.TextField(_("saved state"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("activity attempt")
        verbose_name_plural = _("activity attempts")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "activity_key"], name="one_attempt_per_activity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.activity_key}"


class ActivityStatement(models.Model):
    """An xAPI statement as the player sent it; one per statement id."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="activity_statements",
        verbose_name=_("person"),
    )
    activity_key = models.UUIDField(_("activity"))
    statement_id = models.UUIDField(_("statement"))
    verb = models.CharField(_("verb"), max_length=200)
    statement = models.JSONField(_("statement"))
    received_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        verbose_name = _("activity statement")
        verbose_name_plural = _("activity statements")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "statement_id"], name="one_record_per_statement"
            )
        ]

    def __str__(self) -> str:
        return self.verb
