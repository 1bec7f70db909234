"""Editions of a booklet: what was published under each edition number stays readable.

Rule: an edition is whatever was live while the booklet carried that number. A booklet
has one open edition, whose record follows what is live (refreshed whenever the booklet
or one of its modules is published, unpublished or moved), and any number of frozen
ones. Only "Start edition N+1" (`booklets.services.edition_start`, a moderator's admin
action) freezes the open edition and opens the next one, in every language at once;
publishing never creates, renumbers or rewrites a record, and a frozen record refuses
every change (`FrozenEditionError`). The edition number and year of a booklet belong to
the booklet as a whole, not to a revision: publishing any revision keeps them.

A module whose page is no longer live is withdrawn from every edition: earlier editions
list and serve only the modules still live today (`selectors.edition_modules_readable`).
The records are filtered when read, never rewritten, so a frozen edition stays as it was.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FrozenEditionError(Exception):
    """A frozen edition record was about to change. Frozen records are immutable: only
    deleting the booklet (or, for one module's text, its page) removes them."""


class EditionQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.filter(frozen_at__isnull=False).exists():
            raise FrozenEditionError("A frozen edition cannot change.")
        return super().update(**kwargs)

    def delete(self):
        if self.filter(frozen_at__isnull=False).exists():
            raise FrozenEditionError("A frozen edition cannot be deleted.")
        return super().delete()


class EditionModuleQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if self.filter(edition__frozen_at__isnull=False).exists():
            raise FrozenEditionError("A frozen edition cannot change.")
        return super().update(**kwargs)

    def delete(self):
        if self.filter(edition__frozen_at__isnull=False).exists():
            raise FrozenEditionError("A frozen edition cannot change.")
        return super().delete()


class Edition(models.Model):
    booklet = models.ForeignKey(
        "booklets.BookletPage",
        on_delete=models.CASCADE,
        related_name="editions",
        verbose_name=_("booklet"),
    )
    number = models.PositiveSmallIntegerField(_("edition"))
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    notes = models.TextField(_("what changed"), blank=True)
    booklet_revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    first_published_at = models.DateTimeField(_("first published"), default=timezone.now)
    last_published_at = models.DateTimeField(_("last published"), default=timezone.now)
    frozen_at = models.DateTimeField(
        _("frozen"),
        null=True,
        blank=True,
        help_text=_("When the next edition was started; from then on the record never changes."),
    )

    # The guarded queryset is the default manager's, so every ordinary write goes
    # through it; Django's cascades use the base manager, so deleting a booklet (or a
    # page's revisions) still removes what depends on it.
    objects = EditionQuerySet.as_manager()

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["booklet", "number"], name="one_record_per_edition"),
            models.UniqueConstraint(
                fields=["booklet"],
                condition=models.Q(frozen_at__isnull=True),
                name="one_open_edition_per_booklet",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.booklet} · {self.number}"

    def save(self, *args, **kwargs):
        if self._stored_frozen():
            raise FrozenEditionError("A frozen edition cannot change.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._stored_frozen():
            raise FrozenEditionError("A frozen edition cannot be deleted.")
        return super().delete(*args, **kwargs)

    @property
    def is_frozen(self) -> bool:
        return self.frozen_at is not None

    def _stored_frozen(self) -> bool:
        return (
            self.pk is not None
            and Edition.objects.filter(pk=self.pk, frozen_at__isnull=False).exists()
        )


class EditionModule(models.Model):
    """A module as it stood in an edition: its live revision at the time."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="modules", verbose_name=_("edition")
    )
    module_key = models.UUIDField(_("module"))
    slug = models.SlugField(_("slug"), max_length=255, allow_unicode=True)
    title = models.CharField(_("title"), max_length=255)
    position = models.PositiveSmallIntegerField(_("position"))
    revision = models.ForeignKey(
        "wagtailcore.Revision", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = EditionModuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("module in an edition")
        verbose_name_plural = _("modules in an edition")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self._in_frozen_edition():
            raise FrozenEditionError("A frozen edition cannot change.")
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._in_frozen_edition():
            raise FrozenEditionError("A frozen edition cannot change.")
        return super().delete(*args, **kwargs)

    def _in_frozen_edition(self) -> bool:
        return Edition.objects.filter(pk=self.edition_id, frozen_at__isnull=False).exists()
