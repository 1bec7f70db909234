"""Import a booklet edition from a folder of Markdown files, one file per module.

Each file starts with front matter between `---` lines (`key: value`):

    booklet: 4            edition: 3          kind: concepts
    minutes: 25           sensitivity: general (or sensitive, explicit)
    slug: privar-de-la-libertad   (optional; the file name otherwise)
    translates: <slug of the Spanish module>   (English files that add a module)
    booklet_title / booklet_summary   (used only when the booklet does not exist yet)
    objectives: one; two; three   (optional, separated by semicolons)

The body is Markdown: the first `# heading` is the module title; headings, paragraphs
and lists become text blocks, block quotes become quotes (a last line starting with
"—" is the attribution), and fenced directives become blocks:

    ::: warning What the reader will find      ::: pause Title
    ...content (any of the above)...           ...instructions...
    :::                                        :::
    ::: facilitator                            ::: concept <glossary term or slug>
    ...note...                                 ...how this module uses it (optional)...
    :::                                        :::

The import never publishes and never deletes: it creates or updates drafts, and leaves
modules that are not in the folder alone. Anything it cannot map is reported with
file and line. Everything happens in one transaction: a bad file changes nothing.
"""

import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from wagtail.models import Locale

from booklets.models import BookletPage, HomePage, ModuleKind, ModulePage, Sensitivity
from curriculum.models import GlossaryTerm

DIRECTIVE = re.compile(r"^:::\s*(\w+)?\s*(.*)$")
NAMESPACE = uuid.UUID("6f1f7f55-5b2e-4a43-9c43-3b3c7e0c2a11")
_md = MarkdownIt("commonmark", {"html": False}).enable("table")

TEXT_TOKENS = {"heading_open", "paragraph_open", "bullet_list_open", "ordered_list_open"}
REQUIRED_KEYS = ("booklet", "edition", "kind", "minutes")


class BadImportFile(Exception):
    """A file that cannot be imported; the message names the file and line."""


@dataclass
class ParsedModule:
    path: Path
    meta: dict
    title: str
    slug: str
    blocks: list
    objectives: str


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _front_matter(path: Path, lines: list[str]) -> tuple[dict, int]:
    if not lines or lines[0].strip() != "---":
        raise BadImportFile(
            _("%(file)s:1: the file must start with front matter (---).") % {"file": path}
        )
    meta = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        if not line.strip():
            continue
        key, sep, value = line.partition(":")
        if not sep:
            raise BadImportFile(
                _("%(file)s:%(line)d: front matter lines look like “key: value”.")
                % {"file": path, "line": number}
            )
        meta[key.strip()] = (value.strip(), number)
    else:
        raise BadImportFile(
            _("%(file)s: the front matter is never closed with ---.") % {"file": path}
        )
    for key in REQUIRED_KEYS:
        if key not in meta:
            raise BadImportFile(
                _("%(file)s: front matter needs “%(key)s”.") % {"file": path, "key": key}
            )
    for key in ("booklet", "edition", "minutes"):
        value, line = meta[key]
        if not value.isdigit() or int(value) < 1:
            raise BadImportFile(
                _("%(file)s:%(line)d: “%(key)s” must be a whole number.")
                % {"file": path, "line": line, "key": key}
            )
    for key, choices in (("kind", ModuleKind.values), ("sensitivity", Sensitivity.values)):
        if key in meta and meta[key][0] not in choices:
            raise BadImportFile(
                _("%(file)s:%(line)d: “%(key)s” must be one of: %(choices)s.")
                % {"file": path, "line": meta[key][1], "key": key, "choices": ", ".join(choices)}
            )
    return {k: v for k, (v, _line) in meta.items()}, number


def _rich_text(html: str) -> str:
    # Wagtail's editor stores bold and italic as <b> and <i>; top headings become h2.
    for old, new in (
        ("strong", "b"),
        ("em", "i"),
        ("h1", "h2"),
        ("h4", "h3"),
        ("h5", "h3"),
        ("h6", "h3"),
    ):
        html = html.replace(f"<{old}>", f"<{new}>").replace(f"</{old}>", f"</{new}>")
    return html.strip()


class _BlockBuilder:
    def __init__(self, path: Path, glossary: dict, report: ImportReport):
        self.path, self.glossary, self.report = path, glossary, report
        self.counter = 0

    def _block(self, block_type: str, value) -> dict:
        self.counter += 1
        block_id = uuid.uuid5(NAMESPACE, f"{self.path.name}:{self.counter}:{block_type}")
        return {"type": block_type, "value": value, "id": str(block_id)}

    def warn(self, line: int, message: str) -> None:
        self.report.warnings.append(f"{self.path}:{line}: {message}")

    def markdown(self, lines: list[str], first_line: int, title_holder=None) -> list:
        """Blocks from plain Markdown (no directives) starting at file line first_line."""
        while lines and not lines[0].strip():  # keep token line numbers true to the file
            lines, first_line = lines[1:], first_line + 1
        tokens = _md.parse("\n".join(lines))
        blocks, pending = [], []

        def flush():
            if pending:
                html = _rich_text(_md.renderer.render(pending, _md.options, {}))
                if html:
                    blocks.append(self._block("text", html))
                pending.clear()

        index = 0
        while index < len(tokens):
            token = tokens[index]
            line = first_line + (token.map[0] if token.map else 0)
            if token.level != 0:
                index += 1
                continue
            closing = self._closing(tokens, index)
            chunk = tokens[index : closing + 1]
            if (
                token.type == "heading_open"
                and token.tag == "h1"
                and title_holder is not None
                and not title_holder
            ):
                title_holder.append(tokens[index + 1].content.strip())
            elif token.type in TEXT_TOKENS:
                pending.extend(chunk)
            elif token.type == "blockquote_open":
                flush()
                quoted = "\n".join(t.content for t in chunk if t.type == "inline").splitlines()
                attribution = ""
                if quoted and quoted[-1].lstrip().startswith(("—", "--")):
                    attribution = quoted.pop().lstrip("—- ").strip()
                paragraphs = [line for line in quoted if line.strip()]
                blocks.append(
                    self._block(
                        "quote", {"quote": "\n".join(paragraphs), "attribution": attribution}
                    )
                )
            else:
                flush()
                self.warn(
                    line,
                    _("could not map “%(type)s”; it was left out.")
                    % {"type": token.type.replace("_open", "")},
                )
            index = closing + 1
        flush()
        return blocks

    @staticmethod
    def _closing(tokens, index) -> int:
        token = tokens[index]
        if token.nesting != 1:
            return index
        depth = 0
        for position in range(index, len(tokens)):
            depth += tokens[position].nesting
            if depth == 0:
                return position
        return len(tokens) - 1

    def document(self, lines: list[str], first_line: int, title_holder=None, inside=None) -> list:
        """Blocks from Markdown with ::: directives."""
        blocks, plain, plain_start = [], [], first_line
        position = 0
        while position < len(lines):
            line = lines[position]
            match = DIRECTIVE.match(line.strip())
            if match and match.group(1):
                if plain:
                    blocks += self.markdown(plain, plain_start, title_holder)
                    plain = []
                name, args = match.group(1), match.group(2).strip()
                start = first_line + position
                end = position + 1
                while end < len(lines) and lines[end].strip() != ":::":
                    if DIRECTIVE.match(lines[end].strip()) and DIRECTIVE.match(
                        lines[end].strip()
                    ).group(1):
                        raise BadImportFile(
                            _("%(file)s:%(line)d: a ::: block cannot hold another ::: block.")
                            % {"file": self.path, "line": first_line + end}
                        )
                    end += 1
                if end >= len(lines):
                    raise BadImportFile(
                        _("%(file)s:%(line)d: this ::: %(name)s block is never closed with :::.")
                        % {"file": self.path, "line": start, "name": name}
                    )
                inner = lines[position + 1 : end]
                block = self.directive(name, args, inner, start + 1, start)
                if block is not None:
                    blocks.append(block)
                position = end + 1
                plain_start = first_line + position
                continue
            if not plain:
                plain_start = first_line + position
            plain.append(line)
            position += 1
        if plain:
            blocks += self.markdown(plain, plain_start, title_holder)
        return blocks

    def directive(self, name, args, inner, inner_first_line, line):
        text = "\n".join(inner).strip()
        if name == "warning":
            content = self.markdown(inner, inner_first_line)
            return self._block(
                "content_warning",
                {"warning": args or _("Hard content"), "content": content},
            )
        if name == "pause":
            return self._block(
                "pause", {"title": args or _("A pause"), "instructions": text, "seconds": 60}
            )
        if name == "facilitator":
            return self._block(
                "facilitator_note",
                {"note": _rich_text(_md.render(text))},
            )
        if name == "concept":
            term = self.glossary.get(slugify(args)) or self.glossary.get(args.lower())
            if term is None:
                self.warn(
                    line,
                    _("no glossary term “%(term)s” in this language; the concept was left out.")
                    % {"term": args},
                )
                return None
            return self._block("key_concept", {"term": term.pk, "in_this_module": text})
        self.warn(line, _("unknown block “::: %(name)s”; it was left out.") % {"name": name})
        return None


def parse_folder(folder: Path, locale: Locale, report: ImportReport) -> list[ParsedModule]:
    files = sorted(folder.glob("*.md"))
    if not files:
        raise BadImportFile(_("%(folder)s has no Markdown (.md) files.") % {"folder": folder})
    glossary = {}
    for term in GlossaryTerm.objects.filter(locale=locale):
        glossary[term.slug] = glossary[term.term.lower()] = term
    parsed = []
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as error:
            raise BadImportFile(_("%(file)s: not UTF-8 text.") % {"file": path}) from error
        meta, closing_line = _front_matter(path, lines)
        title: list[str] = []
        blocks = _BlockBuilder(path, glossary, report).document(
            lines[closing_line:], closing_line + 1, title_holder=title
        )
        if not title:
            raise BadImportFile(
                _("%(file)s: the module needs a title (a # heading).") % {"file": path}
            )
        slug = (
            meta.get("slug") or slugify(re.sub(r"^\d+[-_ ]*", "", path.stem)) or slugify(title[0])
        )
        objectives = "\n".join(
            o.strip() for o in meta.get("objectives", "").split(";") if o.strip()
        )
        parsed.append(ParsedModule(path, meta, title[0], slug, blocks, objectives))
    numbers = {m.meta["booklet"] for m in parsed}
    if len(numbers) > 1:
        raise BadImportFile(
            _("All files must name the same booklet; found %(numbers)s.")
            % {"numbers": ", ".join(sorted(numbers))}
        )
    return parsed


def _booklet(parsed: list[ParsedModule], locale: Locale, report: ImportReport) -> BookletPage:
    meta = parsed[0].meta
    number, edition = int(meta["booklet"]), max(int(m.meta["edition"]) for m in parsed)
    home = HomePage.objects.filter(depth=2, locale=locale).first()
    if home is None:
        raise BadImportFile(_("There is no home page in this language."))
    booklet = BookletPage.objects.child_of(home).filter(number=number).first()
    if booklet is None:
        source_home = HomePage.objects.filter(
            depth=2, locale__language_code=settings.LANGUAGE_CODE
        ).first()
        source = (
            BookletPage.objects.child_of(source_home).filter(number=number).first()
            if source_home
            else None
        )
        if source is not None and locale != source.locale:
            booklet = source.copy_for_translation(locale).specific
        elif locale.language_code == settings.LANGUAGE_CODE:
            title = meta.get("booklet_title") or _("Booklet %(number)d") % {"number": number}
            booklet = home.add_child(
                instance=BookletPage(
                    title=title,
                    slug=slugify(title),
                    number=number,
                    summary=meta.get("booklet_summary") or title,
                    edition_number=edition,
                    live=False,
                )
            )
        else:
            raise BadImportFile(
                _(
                    "Booklet %(number)d does not exist in Spanish yet: "
                    "import the Spanish edition first."
                )
                % {"number": number}
            )
        booklet.save_revision()
        report.created.append(f"booklet {number}")
    draft = booklet.get_latest_revision_as_object()
    if draft.edition_number < edition:
        draft.edition_number = edition
        draft.save_revision()
        report.updated.append(f"booklet {number}: edition {edition} (draft)")
    return booklet


def _fields(module: ParsedModule) -> dict:
    return {
        "title": module.title,
        "kind": module.meta["kind"],
        "estimated_minutes": int(module.meta["minutes"]),
        "sensitivity": module.meta.get("sensitivity", Sensitivity.GENERAL),
        "learning_objectives": module.objectives,
        "body": json.dumps(module.blocks),
    }


def _same(page: ModulePage, fields: dict) -> bool:
    for name, value in fields.items():
        current = getattr(page, name)
        if name == "body":
            if json.loads(value) != json.loads(json.dumps(list(current.raw_data))):
                return False
        elif current != value:
            return False
    return True


def import_booklet(folder: Path, language: str) -> ImportReport:
    """Import a folder; a page Wagtail refuses to save stops everything, named clearly."""
    try:
        return _import_booklet(folder, language)
    except ValidationError as error:
        details = "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
        raise BadImportFile(
            _("%(folder)s: a page could not be saved (%(details)s).")
            % {"folder": folder, "details": details}
        ) from error


@transaction.atomic
def _import_booklet(folder: Path, language: str) -> ImportReport:
    report = ImportReport()
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise BadImportFile(_("Unknown language “%(language)s”.") % {"language": language})
    parsed = parse_folder(Path(folder), locale, report)
    booklet = _booklet(parsed, locale, report)
    for module in parsed:
        fields = _fields(module)
        page = ModulePage.objects.child_of(booklet).filter(slug=module.slug).first()
        if page is None and "translates" in module.meta:
            source = ModulePage.objects.filter(
                slug=module.meta["translates"], locale__language_code=settings.LANGUAGE_CODE
            ).first()
            page = source.get_translation_or_none(locale) if source else None
            if source is not None and page is None:
                page = source.copy_for_translation(locale).specific
                page.slug = module.slug
                for name, value in fields.items():
                    setattr(page, name, value)
                page.save()
                page.save_revision()
                report.created.append(str(module.path.name))
                continue
        if page is None:
            page = booklet.add_child(instance=ModulePage(slug=module.slug, live=False, **fields))
            page.save_revision()
            report.created.append(str(module.path.name))
            continue
        draft = page.get_latest_revision_as_object()
        if _same(draft, fields):
            report.unchanged.append(str(module.path.name))
            continue
        for name, value in fields.items():
            setattr(draft, name, value)
        draft.save_revision()
        report.updated.append(str(module.path.name))
    return report
