"""Editions of a booklet: what was published under each edition number stays readable.

Rule: an edition is whatever was live while the booklet carried that number. Every time
a booklet or one of its modules is published, the record of the booklet's current
edition is refreshed with the live revision of each module. When an editor raises the
edition number and publishes the booklet, the old record is left as it was — frozen —
and a new one starts. (Publish the booklet with its new number before its modules.)

A module whose page is no longer live is withdrawn from every edition: earlier editions
list and serve only the modules still live today (`edition_modules_readable`). The
records are filtered when read, never rewritten, so a frozen edition stays as it was.
"""

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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

    class Meta:
        app_label = "booklets"
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["booklet", "number"], name="one_record_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.booklet} · {self.number}"


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

    class Meta:
        app_label = "booklets"
        verbose_name = _("module in an edition")
        verbose_name_plural = _("modules in an edition")
        ordering = ["position"]

    def __str__(self) -> str:
        return self.title


@transaction.atomic
def edition_record(booklet) -> Edition:
    """Refresh the record of `booklet`'s current edition from what is live now."""
    from booklets.models import ModulePage

    now = timezone.now()
    edition, _created = Edition.objects.get_or_create(
        booklet=booklet,
        number=booklet.edition_number,
        defaults={"year": booklet.edition_year, "notes": booklet.edition_notes},
    )
    edition.year, edition.notes = booklet.edition_year, booklet.edition_notes
    edition.booklet_revision_id = booklet.live_revision_id
    edition.last_published_at = now
    edition.save()
    edition.modules.all().delete()
    EditionModule.objects.bulk_create(
        EditionModule(
            edition=edition,
            module_key=module.translation_key,
            slug=module.slug,
            title=module.title,
            position=position,
            revision_id=module.live_revision_id,
        )
        for position, module in enumerate(
            ModulePage.objects.child_of(booklet).live().order_by("path")
        )
    )
    return edition


def edition_modules_readable(*, booklet, edition: Edition):
    """The modules of `edition` a reader may still open: those whose page is live in
    `booklet` today. Unpublishing a module withdraws it from every earlier edition at
    reading time, so frozen records stay exactly as they were (and a module published
    again is read again, as it stood in that edition). One query."""
    from booklets.models import ModulePage

    live_keys = ModulePage.objects.child_of(booklet).live().values("translation_key")
    return edition.modules.filter(module_key__in=live_keys)


def edition_changes(*, booklet, since: Edition) -> dict:
    """Modules added, removed and changed between edition `since` and the live booklet."""
    from booklets.models import ModulePage

    old = {m.module_key: m for m in since.modules.select_related("revision")}
    live = list(ModulePage.objects.child_of(booklet).live().order_by("path"))
    current = {m.translation_key: m for m in live}
    changed = []
    for key, module in current.items():
        before = old.get(key)
        if before is None or before.revision is None:
            continue
        if module.live_revision_id != before.revision_id:
            previous = before.revision.content
            if previous.get("title") != module.title or _normalised(
                previous.get("body")
            ) != _normalised(module.body.get_prep_value()):
                changed.append(module)
    return {
        "added": [m for m in live if m.translation_key not in old],
        "removed": [m for key, m in old.items() if key not in current],
        "changed": changed,
    }


def _normalised(body) -> str:
    import json

    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            return body
    return json.dumps(body, sort_keys=True)
