from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


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
    search_fields = [
        index.SearchField("term"),
        index.SearchField("definition"),
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
