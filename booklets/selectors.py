"""Reads for the booklets app."""

import json
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.conf import settings
from django.db.models import Max
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from wagtail.models import Locale, Page

from accounts.roles import is_facilitator
from booklets.models import BookletPage, Edition, ModuleKind, ModulePage, booklet_of


def facilitator_guides(*, locale: Locale) -> list[ModulePage]:
    """The live facilitator guide of every booklet in one language, in booklet order,
    each with its `booklet` attached (two queries)."""
    booklets = list(BookletPage.objects.live().filter(locale=locale))
    guides = []
    for guide in (
        ModulePage.objects.live()
        .filter(locale=locale, kind=ModuleKind.FACILITATION)
        .order_by("path")
    ):
        guide.booklet = booklet_of(guide, booklets)
        if guide.booklet is not None:
            guides.append(guide)
    return sorted(guides, key=lambda guide: guide.booklet.number)


def modules_counted(modules: list, *, request) -> list:
    """The modules a reader's "module N of M" and progress totals count: the facilitator
    guide only for facilitators, since someone studying alone never studies it."""
    if is_facilitator(request):
        return list(modules)
    return [module for module in modules if module.kind != ModuleKind.FACILITATION]


def _published_after(source, translation) -> bool:
    """Our rule for a translation behind: its source was published after it."""
    return (
        source is not None
        and source.pk != translation.pk
        and source.last_published_at is not None
        and translation.last_published_at is not None
        and source.last_published_at > translation.last_published_at
    )


def _lagging(translations: list, model) -> list[tuple]:
    """(translation, source) for each translation whose live source-language version was
    published after it. One query."""
    sources = {
        page.translation_key: page
        for page in model.objects.live().filter(
            locale__language_code=settings.LANGUAGE_CODE,
            translation_key__in=[t.translation_key for t in translations],
        )
    }
    behind = []
    for translation in translations:
        source = sources.get(translation.translation_key)
        if _published_after(source, translation):
            behind.append((translation, source))
    return behind


def translations_behind(*, locale: Locale | None = None, booklet=None) -> list[tuple]:
    """(translation, source) pairs where the source-language page was published after
    its translation: the translation lags and should be updated. Booklets count (their
    title, summary and edition are read too), then modules; with `booklet`, only that
    booklet's modules. Four queries."""

    def translated(queryset):
        queryset = queryset.live().exclude(locale__language_code=settings.LANGUAGE_CODE)
        if locale is not None:
            queryset = queryset.filter(locale=locale)
        return list(queryset.order_by("path"))

    modules = ModulePage.objects.all()
    booklets = []
    if booklet is not None:
        modules = modules.child_of(booklet)
    else:
        booklets = _lagging(translated(BookletPage.objects.all()), BookletPage)
    return booklets + _lagging(translated(modules), ModulePage)


def translation_original_if_behind(*, page, booklet=None) -> Page | None:
    """The live source-language version of `page` when `page` (or the `booklet` it is
    part of) is a translation published before its source last was: what readers are
    told, with a link to the original. None when up to date. One query."""
    pages = [p for p in (page, booklet) if p is not None]
    sources = {
        source.translation_key: source
        for source in Page.objects.live()
        .filter(
            locale__language_code=settings.LANGUAGE_CODE,
            translation_key__in=[p.translation_key for p in pages],
        )
        .exclude(locale_id=page.locale_id)
    }
    for translation in pages:
        if _published_after(sources.get(translation.translation_key), translation):
            return sources.get(page.translation_key)
    return None


def booklet_in_every_language(booklet):
    return booklet.get_translations(inclusive=True).order_by("pk")


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


def edition_modules_readable(*, booklet, edition: Edition):
    """The modules of `edition` a reader may still open: those whose page is live in
    `booklet` today. Unpublishing a module withdraws it from every earlier edition at
    reading time, so frozen records stay exactly as they were (and a module published
    again is read again, as it stood in that edition). One query."""
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
