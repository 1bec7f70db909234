"""Helplines and organisations the self-care page lists: editors keep them, in each
language, as snippets."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import TranslatableMixin


class SupportContact(TranslatableMixin, models.Model):
    """Somewhere a reader can turn for help: what they help with and how to reach them.
    An entry marked as an example is a placeholder an editor must replace before launch;
    readers see it marked so, never as a real number."""

    name = models.CharField(_("name"), max_length=160)
    helps_with = models.TextField(
        _("what they help with"), help_text=_("One or two plain sentences for the reader.")
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("As the reader dials it.")
    )
    web_address = models.URLField(_("web address"), blank=True)
    hours = models.CharField(
        _("hours"), max_length=160, blank=True, help_text=_("For example: every day, 24 hours.")
    )
    region = models.CharField(
        _("region"), max_length=160, blank=True, help_text=_("Where they help, if not everywhere.")
    )
    is_example = models.BooleanField(
        _("example to replace"),
        default=False,
        help_text=_("Readers see it marked as an example until an editor fills it in."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers come first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("helps_with"),
        FieldRowPanel([FieldPanel("phone"), FieldPanel("web_address")]),
        FieldRowPanel([FieldPanel("hours"), FieldPanel("region")]),
        FieldRowPanel([FieldPanel("sort_order"), FieldPanel("is_example")]),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("support contact")
        verbose_name_plural = _("support contacts")

    def __str__(self) -> str:
        return self.name
