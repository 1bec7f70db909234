"""Editions of a booklet: what was published under each edition number stays readable.

Rule: an edition is whatever was live while the booklet carried that number. A booklet
has one open edition, whose record follows what is live (refreshed whenever the booklet
or one of its modules is published, unpublished or moved), and any number of frozen
ones. Only "Start edition N+1" (`edition_start`, a moderator's admin action) freezes the
open edition and opens the next one, in every language at once; publishing never
creates, renumbers or rewrites a record, and a frozen record refuses every change
(`FrozenEditionError`). The edition number and year of a booklet belong to the booklet
as a whole, not to a revision: publishing any revision keeps them (`BookletPage`).

A module whose page is no longer live is withdrawn from every edition: earlier editions
list and serve only the modules still live today (`edition_modules_readable`). The
records are filtered when read, never rewritten, so a frozen edition stays as it was.
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.db import models, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log


class FrozenEditionError(Exception):
    """A frozen edition record was about to change. Frozen records are immutable: only
    deleting the booklet (or, for one module's text, its page) removes them."""


class EditionError(Exception):
    """An edition cannot be started; the message says why, for the moderator."""


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
        app_label = "booklets"
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
        app_label = "booklets"
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


def _open_edition(booklet) -> Edition | None:
    """The booklet's open edition. The first publish opens one with the booklet's
    number; after that only `edition_start` does (and changes the number), except for
    a number that has no record at all, which data from before could leave behind."""
    edition = Edition.objects.filter(booklet=booklet, frozen_at__isnull=True).first()
    if (
        edition is None
        and not Edition.objects.filter(booklet=booklet, number=booklet.edition_number).exists()
    ):
        edition = Edition.objects.create(
            booklet=booklet,
            number=booklet.edition_number,
            year=booklet.edition_year,
            notes=booklet.edition_notes,
        )
    return edition


@transaction.atomic
def edition_record(booklet) -> Edition | None:
    """Refresh the record of `booklet`'s open edition from what is live now. Frozen
    records are never touched, whatever number the booklet's revision carries."""
    from booklets.models import ModulePage

    edition = _open_edition(booklet)
    if edition is None:
        return None
    edition.year, edition.notes = booklet.edition_year, booklet.edition_notes
    edition.booklet_revision_id = booklet.live_revision_id
    edition.last_published_at = timezone.now()
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


def booklet_in_every_language(booklet):
    from booklets.models import BookletPage

    return BookletPage.objects.filter(translation_key=booklet.translation_key).order_by("pk")


def edition_may_start(*, user, booklet) -> bool:
    """Moderators only: whoever may publish the booklet in every language."""
    return all(
        page.permissions_for_user(user).can_publish() for page in booklet_in_every_language(booklet)
    )


def edition_next_number(*, booklet) -> int:
    """The number "Start edition" would give: one more than any edition the booklet
    has had in any language (numbers are never reused, even after a typo)."""
    booklets = booklet_in_every_language(booklet)
    recorded = Edition.objects.filter(booklet__in=booklets).aggregate(n=Max("number"))["n"]
    current = booklets.aggregate(n=Max("edition_number"))["n"]
    return max(recorded or 0, current or 0, booklet.edition_number) + 1


@transaction.atomic
def edition_start(*, booklet, number: int, year: int | None, user=None) -> int:
    """Freeze the open edition of `booklet` (every language) and open edition `number`.

    `number` is the one the moderator confirmed: if someone started it meanwhile (or
    the form was sent twice), nothing happens and `EditionError` says so. Records are
    refreshed from what is live, frozen, and the new ones opened in one transaction;
    the booklet pages take the new number and year without a new revision (they are
    the booklet's, not a revision's: `BookletPage.with_content_json`), so drafts and
    submissions waiting for moderation are left as they are."""
    from booklets.models import BookletPage

    booklets = list(booklet_in_every_language(booklet).select_for_update())
    source = next(b for b in booklets if b.pk == booklet.pk)
    if not source.live:
        raise EditionError(gettext("Publish the booklet before starting a new edition."))
    expected = edition_next_number(booklet=source)
    if number != expected:
        raise EditionError(
            gettext("Edition %(number)d was already started.") % {"number": number}
            if number < expected
            else gettext("The next edition is %(number)d.") % {"number": expected}
        )
    now = timezone.now()
    for page in booklets:
        if page.live:
            edition_record(page)
        Edition.objects.filter(booklet=page, frozen_at__isnull=True).update(frozen_at=now)
        BookletPage.objects.filter(pk=page.pk).update(edition_number=number, edition_year=year)
        page.edition_number, page.edition_year = number, year
        if page.live:
            edition_record(page)  # opens the record of `number` (`_open_edition`)
        log(instance=page, action="booklets.start_edition", user=user, data={"number": number})
    return number


def edition_modules_readable(*, booklet, edition: Edition):
    """The modules of `edition` a reader may still open: those whose page is live in
    `booklet` today. Unpublishing a module withdraws it from every earlier edition at
    reading time, so frozen records stay exactly as they were (and a module published
    again is read again, as it stood in that edition). One query."""
    from booklets.models import ModulePage

    live_keys = ModulePage.objects.child_of(booklet).live().values("translation_key")
    return edition.modules.filter(module_key__in=live_keys)


# What changed: per module, the blocks added, removed and changed, with the changed
# words marked. Blocks are compared as plain text (what a reader reads), so a change of
# markup alone is no change; a facilitator-only note counts only for facilitators.

_WORDS = re.compile(r"\s+|\w+|[^\w\s]")


@dataclass
class BlockChange:
    kind: str  # "added", "removed" or "changed"
    label: str
    text: SafeString
    warning: str = ""  # set when the block is hard material behind a content warning


@dataclass
class ModuleChanges:
    module: object
    blocks: list[BlockChange] = field(default_factory=list)


def _html(text: str) -> str:
    return str(escape(text)).replace("\n", "<br>")


def text_difference(old: str, new: str) -> SafeString:
    """`new`, with the words taken out of `old` in <del> and those put in in <ins>."""
    before, after = _WORDS.findall(old), _WORDS.findall(new)
    out = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.append(_html("".join(before[i1:i2])))
            continue
        if i2 > i1:
            out.append(_marked("del", "".join(before[i1:i2]), keep_spaces=False))
        if j2 > j1:
            out.append(_marked("ins", "".join(after[j1:j2]), keep_spaces=True))
    return mark_safe("".join(out))  # noqa: S308  (every piece is escaped above)


def _marked(tag: str, text: str, *, keep_spaces: bool) -> str:
    """Words in a mark, the spaces around them outside it (a reader sees the words that
    changed, not a marked space); spaces only taken out are not shown at all."""
    core = text.strip()
    if not core:
        return _html(text) if keep_spaces else ""
    lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
    return f"{_html(lead)}<{tag}>{_html(core)}</{tag}>{_html(trail)}"


def _plain(parts) -> str:
    return "\n".join(p.strip() for p in parts if isinstance(p, str) and p.strip())


def _block_text(child, *, for_facilitators: bool) -> str | None:
    """What a reader reads of one block, as plain text; None for what they never see."""
    block, value, name = child.block, child.value, child.block_type
    if name == "facilitator_note":
        if not for_facilitators:
            return None
        return _plain(block.child_blocks["note"].get_searchable_content(value["note"]))
    if name in ("key_concept", "interactive_activity"):
        chosen = value.get("term") or value.get("activity")
        words = value.get("in_this_module") or value.get("introduction") or ""
        return _plain([str(chosen) if chosen else "", words])
    if name == "content_warning":
        inner = [_block_text(c, for_facilitators=for_facilitators) for c in value["content"]]
        return _plain(inner)
    return _plain(block.get_searchable_content(value))


def _blocks(stream, *, for_facilitators: bool) -> list[tuple[str, str, str, str]]:
    """(type, label, text, warning) for each block a reader sees."""
    out = []
    for child in stream:
        text = _block_text(child, for_facilitators=for_facilitators)
        if text is None:
            continue
        warning = child.value["warning"] if child.block_type == "content_warning" else ""
        out.append((child.block_type, str(child.block.label), text, warning))
    return out


def _stream(content: dict):
    import json

    from booklets.models import ModulePage

    raw = content.get("body") or "[]"
    if isinstance(raw, str):
        raw = json.loads(raw)
    return ModulePage._meta.get_field("body").stream_block.to_python(raw)


def module_changes(*, old_content: dict, module, for_facilitators: bool) -> list[BlockChange]:
    """The differences a reader would notice between a module's revision `old_content`
    and its live version: title, learning objectives, then its blocks in order."""
    changes = []
    for label, before, after in (
        (gettext("Title"), old_content.get("title") or "", module.title),
        (
            gettext("Learning objectives"),
            old_content.get("learning_objectives") or "",
            module.learning_objectives,
        ),
    ):
        if before.strip() != after.strip():
            changes.append(BlockChange("changed", label, text_difference(before, after)))
    old = _blocks(_stream(old_content), for_facilitators=for_facilitators)
    new = _blocks(module.body, for_facilitators=for_facilitators)
    matcher = SequenceMatcher(None, [b[:3:2] for b in old], [b[:3:2] for b in new])
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed, added = old[i1:i2], new[j1:j2]
        paired = []
        # Blocks of the same type facing each other in a replaced stretch were edited.
        while removed and added and removed[0][0] == added[0][0]:
            paired.append((removed.pop(0), added.pop(0)))
        for before, after in paired:
            changes.append(
                BlockChange("changed", after[1], text_difference(before[2], after[2]), after[3])
            )
        changes.extend(BlockChange("removed", b[1], mark_safe(_html(b[2])), b[3]) for b in removed)  # noqa: S308
        changes.extend(BlockChange("added", b[1], mark_safe(_html(b[2])), b[3]) for b in added)  # noqa: S308
    return changes


def edition_changes(*, booklet, since: Edition, for_facilitators: bool = False) -> dict:
    """Modules added, removed and changed between edition `since` and the live booklet;
    each changed module with its block-level differences."""
    from booklets.models import ModulePage

    old = {m.module_key: m for m in since.modules.select_related("revision")}
    live = list(ModulePage.objects.child_of(booklet).live().order_by("path"))
    current = {m.translation_key: m for m in live}
    changed = []
    for key, module in current.items():
        before = old.get(key)
        if before is None or before.revision is None:
            continue
        if module.live_revision_id == before.revision_id:
            continue
        blocks = module_changes(
            old_content=before.revision.content, module=module, for_facilitators=for_facilitators
        )
        if blocks:
            changed.append(ModuleChanges(module, blocks))
    return {
        "added": [m for m in live if m.translation_key not in old],
        "removed": [m for key, m in old.items() if key not in current],
        "changed": changed,
    }
