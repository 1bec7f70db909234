"""Import a booklet edition from a folder of Markdown files, one file per module.

Each file starts with front matter between `---` lines (`key: value`, one a line):

    booklet: 4            edition: 3          kind: concepts
    minutes: 25           sensitivity: general (or sensitive, explicit)
    slug: privar-de-la-libertad   (optional; the file name otherwise, without its number)
    translates: <slug of the Spanish module>   (files in another language: see below)
    booklet_title: <the booklet's title in this file's language>
    booklet_summary: <the booklet's summary in this file's language>
    objectives: one; two; three   (optional, separated by semicolons)

Only these keys are allowed (a misspelt key is an error, not silently ignored), each once.
Slugs are ASCII: accents are dropped ("atención" becomes "atencion").

The booklet: `booklet_title` and `booklet_summary` may be in any file of the folder (if
several files give them, they must agree). In the language the booklet is first imported
in (Spanish) they are optional ("Booklet 4" otherwise). In another language the booklet
is made as the translation of the Spanish booklet with the same number, which must be
imported first, and `booklet_title` is required: it sets the booklet's title and slug
there, and `booklet_summary` its summary. A later import with another title or summary
updates the booklet's draft; the slug follows the title until the booklet is first
published, and then stays, so its address keeps working.

Translations: `translates: privar` makes (or updates) the translation of the module with
slug `privar` of the same booklet in Spanish; never a module of another booklet.

The body is Markdown: the first `# heading` is the module title; headings, paragraphs
and lists become text blocks, block quotes become quotes (a last line starting with
"—" is the attribution), and fenced directives become blocks. Each opens with `:::`,
its name and argument, may go on with `key: value` lines of its own, holds its text, and
closes with a line `:::` of its own:

    ::: case <title>             `notice: <what to notice>`; the case, anonymised
    ::: tool <name>              `minutes: 45`, `materials: Paper; Markers`; its purpose,
                                 then a numbered list of its steps
    ::: question <question>      guidance on how to approach it (optional)
    ::: pause <title>            `seconds: 60` (the default); the instructions
    ::: facilitator              the note that only facilitators see
    ::: concept <term or slug>   how this module uses the glossary term (optional)
    ::: activity <title>         an H5P activity in this language; an introduction
    ::: source                   `author:`, `title:`, `year:`, `publisher:`, `address:`
    ::: warning <what it warns>  the hard content, collapsed until the reader opens it

Only a warning holds other blocks (cases, questions, concepts, quotes, images), and then
its own fence is longer: `:::: warning ...`, the inner `::: case` ... `:::`, then `::::`.

Images: an image on a line of its own, `![what it shows](figura.png "Optional caption")`,
whose file is in the folder beside the .md files, becomes an image block (also inside a
warning); the text between the brackets is its alternative text, which is required. The
file is uploaded once to Wagtail's images (titled with that text) and reused when the
same file is imported again. An image that is missing, outside the folder, not an image
Wagtail accepts, without alternative text, or inside a sentence, is reported as an
unmapped line and left out.

The import never publishes and never deletes: it creates or updates drafts, and leaves
modules that are not in the folder alone. New modules are added in file-name order, each
before the booklet's facilitator guide (as in the admin). Importing the same folder again changes
nothing. Anything it cannot map is reported with file and line; every error names the
file and line of its cause. Everything happens in one transaction: a bad file changes
nothing (images uploaded by a failed import are removed again).
"""

import io
import json
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from markdown_it import MarkdownIt
from wagtail.blocks import StreamBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.models import Locale
from wagtail.utils.file import hash_filelike

from booklets.models import BookletPage, HomePage, ModuleKind, ModulePage, Sensitivity
from curriculum.blocks import ModuleStreamBlock, SensitiveContentStreamBlock
from curriculum.models import GlossaryTerm, H5PActivity

DIRECTIVE = re.compile(r"^(:{3,})\s*(\w+)?\s*(.*)$")
FENCE = re.compile(r"^:{3,}$")
KEY_LINE = re.compile(r"^([A-Za-z_][\w-]*)\s*:(.*)$")
NAMESPACE = uuid.UUID("6f1f7f55-5b2e-4a43-9c43-3b3c7e0c2a11")
_md = MarkdownIt("commonmark", {"html": False}).enable("table")

TEXT_TOKENS = {"heading_open", "paragraph_open", "bullet_list_open", "ordered_list_open"}
REQUIRED_KEYS = ("booklet", "edition", "kind", "minutes")
KNOWN_KEYS = (
    *REQUIRED_KEYS,
    "sensitivity",
    "slug",
    "translates",
    "booklet_title",
    "booklet_summary",
    "objectives",
)
BOOKLET_KEYS = ("booklet_title", "booklet_summary")
IMAGE_TEXT_LIMIT = 250  # the image block's alt text and caption
# The `key: value` lines a directive may start with.
DIRECTIVE_FIELDS = {
    "case": ("notice",),
    "tool": ("minutes", "materials"),
    "pause": ("seconds",),
    "source": ("author", "title", "year", "publisher", "address"),
}
WARNING_BLOCKS = SensitiveContentStreamBlock.base_blocks.keys()


class BadImportFile(Exception):
    """A file that cannot be imported; the message names the file and line."""


def _slug(text: str) -> str:
    """An ASCII slug: Django's slugify drops accents after NFKD ("atención" -> "atencion")."""
    return slugify(text)


@dataclass
class ParsedModule:
    path: Path
    meta: dict
    lines: dict  # front matter key -> its line in the file
    title: str
    title_line: int
    slug: str
    blocks: list
    objectives: str
    block_lines: dict  # block id -> its line in the file


@dataclass
class ImportReport:
    """What the import did; created, updated and unchanged name files (and the booklet)."""

    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _front_matter(
    path: Path, lines: list[str], known=KNOWN_KEYS, required=REQUIRED_KEYS
) -> tuple[dict, dict, int]:
    """The front matter's values, the line of each key, and the closing line's number."""
    if not lines or lines[0].strip() != "---":
        raise BadImportFile(
            _("%(file)s:1: the file must start with front matter (---).") % {"file": path}
        )
    meta, where, last = {}, {}, 1
    for number, line in enumerate(lines[1:], start=2):
        text = line.strip()
        if text == "---":
            closing = number
            break
        if not text:
            continue
        match = KEY_LINE.match(text)
        if match is None:
            # Body text before any closing ---: the missing --- is the cause, not this
            # line. A heading cannot be front matter, and a --- further down may be a
            # Markdown rule; only a line among real front matter is blamed itself.
            later = any(rest.strip() == "---" for rest in lines[number:])
            if text.startswith("#") or not later:
                raise BadImportFile(
                    _(
                        "%(file)s:%(line)d: the front matter is never closed: "
                        "add a line with --- after this one."
                    )
                    % {"file": path, "line": last}
                )
            raise BadImportFile(
                _("%(file)s:%(line)d: front matter lines look like “key: value”.")
                % {"file": path, "line": number}
            )
        key, value = match.group(1), match.group(2).strip()
        if key not in known:
            raise BadImportFile(
                _("%(file)s:%(line)d: unknown front matter key “%(key)s”; the keys are: %(keys)s.")
                % {"file": path, "line": number, "key": key, "keys": ", ".join(known)}
            )
        if key in meta:
            raise BadImportFile(
                _("%(file)s:%(line)d: “%(key)s” is already given on line %(first)d.")
                % {"file": path, "line": number, "key": key, "first": where[key]}
            )
        meta[key], where[key], last = value, number, number
    else:
        raise BadImportFile(
            _(
                "%(file)s:%(line)d: the front matter is never closed: "
                "add a line with --- after this one."
            )
            % {"file": path, "line": last}
        )
    for key in required:
        if key not in meta:
            raise BadImportFile(
                _("%(file)s:%(line)d: front matter needs “%(key)s”.")
                % {"file": path, "line": closing, "key": key}
            )
    for key in ("booklet", "edition", "minutes"):
        if key in meta and (not meta[key].isdigit() or int(meta[key]) < 1):
            raise BadImportFile(
                _("%(file)s:%(line)d: “%(key)s” must be a whole number.")
                % {"file": path, "line": where[key], "key": key}
            )
    for key, choices in (("kind", ModuleKind.values), ("sensitivity", Sensitivity.values)):
        if key in meta and meta[key] not in choices:
            raise BadImportFile(
                _("%(file)s:%(line)d: “%(key)s” must be one of: %(choices)s.")
                % {"file": path, "line": where[key], "key": key, "choices": ", ".join(choices)}
            )
    for key in ("slug", "translates"):
        if key in meta and not _slug(meta[key]):
            raise BadImportFile(
                _("%(file)s:%(line)d: “%(key)s” needs letters or numbers.")
                % {"file": path, "line": where[key], "key": key}
            )
    return meta, where, closing


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


class _Images:
    """The image files a folder's Markdown shows: checked while parsing, and uploaded
    (or found again by content) only once every file has parsed."""

    def __init__(self, folder: Path):
        self.folder = folder.resolve()
        self.files: dict[str, tuple[Path, str]] = {}  # content hash -> (file, a title)
        self.uses: list[tuple[dict, str]] = []  # (image block value, content hash)
        self.stored: list[str] = []  # files this import wrote to storage

    def check(self, src: str) -> tuple[str | None, str]:
        """The content hash of a usable image file, or None and why not."""
        name = unquote(src)
        path = (self.folder / name).resolve()
        if (
            not name
            or urlsplit(name).scheme
            or not path.is_relative_to(self.folder)
            or not path.is_file()
        ):
            return None, _(
                "there is no image file “%(src)s” in this folder (images must be files "
                "beside the Markdown files); it was left out."
            ) % {"src": src}
        content = path.read_bytes()
        try:
            # The same checks (format, size, pixels) as an upload in the admin.
            WagtailImageField().clean(SimpleUploadedFile(path.name, content))
        except ValidationError as error:
            return None, _(
                "“%(src)s” is not an image Wagtail accepts (%(reason)s); it was left out."
            ) % {
                "src": src,
                "reason": " ".join(error.messages),
            }
        return hash_filelike(io.BytesIO(content)), ""

    def use(self, value: dict, content_hash: str, path_title: tuple[Path, str]) -> None:
        self.files.setdefault(content_hash, path_title)
        self.uses.append((value, content_hash))

    def upload(self) -> None:
        """Find each file among Wagtail's images by content, or upload it; fill the blocks."""
        image_model = get_image_model()
        found = {}
        for content_hash, (path, title) in self.files.items():
            image = image_model.objects.filter(file_hash=content_hash).order_by("pk").first()
            if image is None:
                with path.resolve().open("rb") as handle:
                    image = image_model(
                        title=title[:255],
                        file=ImageFile(handle, name=path.name),
                        file_size=path.stat().st_size,
                        file_hash=content_hash,
                    )
                    image.save()
                self.stored.append(image.file.name)
            found[content_hash] = image.pk
        for value, content_hash in self.uses:
            value["image"] = found[content_hash]


class _BlockBuilder:
    def __init__(self, path: Path, lookups: tuple, report: ImportReport, images: _Images):
        self.path, self.report, self.images = path, report, images
        self.glossary, self.activities = lookups
        self.line, self.lines = 0, {}  # the line being read; each block's line by its id
        self.counter = 0

    def _block(self, block_type: str, value) -> dict:
        self.counter += 1
        block_id = uuid.uuid5(NAMESPACE, f"{self.path.name}:{self.counter}:{block_type}")
        self.lines[str(block_id)] = self.line
        return {"type": block_type, "value": value, "id": str(block_id)}

    def warn(self, line: int, message: str) -> None:
        self.report.warnings.append(f"{self.path}:{line}: {message}")

    @staticmethod
    def _image_lines(inline, line: int) -> Iterator[tuple[object, int]]:
        """Each image in an inline token, with the file line it is on."""
        for child in inline.children or []:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "image":
                yield child, line

    def _without_images(self, tokens: list, first_line: int) -> list:
        """Text tokens with their images taken out, each reported: an image inside a
        sentence cannot be an image block, and raw <img> is no rich text."""
        for token in tokens:
            if token.type != "inline" or not token.children:
                continue
            base = first_line + (token.map[0] if token.map else 0)
            for child, line in self._image_lines(token, base):
                self.warn(
                    line,
                    _(
                        "the image “%(src)s” is inside text; put it on a line of its own "
                        "to import it. It was left out."
                    )
                    % {"src": child.attrGet("src")},
                )
            token.children = [c for c in token.children if c.type != "image"]
        return tokens

    @staticmethod
    def _only_images(inline) -> bool:
        children = inline.children or []
        return any(c.type == "image" for c in children) and all(
            c.type in ("image", "softbreak", "hardbreak")
            or (c.type == "text" and not c.content.strip())
            for c in children
        )

    def image(self, token, line: int):
        src, alt = token.attrGet("src") or "", token.content.strip()
        caption = (token.attrGet("title") or "").strip()
        if not alt:
            self.warn(
                line,
                _(
                    "the image “%(src)s” has no alternative text (what it shows, between "
                    "the brackets); it was left out."
                )
                % {"src": src},
            )
            return None
        if len(alt) > IMAGE_TEXT_LIMIT or len(caption) > IMAGE_TEXT_LIMIT:
            self.warn(
                line,
                _(
                    "the alternative text or caption of “%(src)s” is longer than "
                    "%(limit)d characters; the image was left out."
                )
                % {"src": src, "limit": IMAGE_TEXT_LIMIT},
            )
            return None
        content_hash, problem = self.images.check(src)
        if content_hash is None:
            self.warn(line, problem)
            return None
        value = {"image": None, "alt_text": alt, "caption": caption}
        self.images.use(value, content_hash, (self.images.folder / unquote(src), alt))
        return self._block("image", value)

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
            line = self.line = first_line + (token.map[0] if token.map else 0)
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
                title_holder.append((tokens[index + 1].content.strip(), line))
            elif token.type == "paragraph_open" and self._only_images(tokens[index + 1]):
                flush()
                for image, image_line in self._image_lines(tokens[index + 1], line):
                    self.line = image_line
                    block = self.image(image, image_line)
                    if block is not None:
                        blocks.append(block)
            elif token.type in TEXT_TOKENS:
                pending.extend(self._without_images(chunk, first_line))
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

    @staticmethod
    def _opens(line: str):
        match = DIRECTIVE.match(line.strip())
        return match if match and match.group(2) else None

    def _closed_later(self, lines: list[str], inner: int, fence: str) -> bool:
        """Whether the block open around the directive at `inner` is closed later (a
        block inside a block) or never (an unclosed block followed by the next one)."""
        depth = 2
        for line in lines[inner + 1 :]:
            if line.strip() == fence:
                depth -= 1
                if depth == 0:
                    return True
            elif (match := self._opens(line)) and match.group(1) == fence:
                depth += 1
        return False

    def document(self, lines: list[str], first_line: int, title_holder=None) -> list:
        """Blocks from Markdown with ::: directives."""
        blocks, plain, plain_start = [], [], first_line
        position = 0
        while position < len(lines):
            line = lines[position]
            match = self._opens(line)
            if match:
                if plain:
                    blocks += self.markdown(plain, plain_start, title_holder)
                    plain = []
                fence, name, args = match.group(1), match.group(2), match.group(3).strip()
                start = first_line + position
                end = position + 1
                while end < len(lines) and lines[end].strip() != fence:
                    inner = self._opens(lines[end])
                    # A shorter fence inside is a block of the block's own (a warning's).
                    if inner and len(inner.group(1)) >= len(fence):
                        if self._closed_later(lines, end, fence):
                            raise BadImportFile(
                                _(
                                    "%(file)s:%(line)d: a ::: block cannot hold another ::: "
                                    "block; only a warning can, with a longer fence (::::)."
                                )
                                % {"file": self.path, "line": first_line + end}
                            )
                        raise BadImportFile(
                            _(
                                "%(file)s:%(line)d: this ::: %(name)s block is never closed "
                                "with ::: (a ::: %(next)s block starts on line %(next_line)d)."
                            )
                            % {
                                "file": self.path,
                                "line": start,
                                "name": name,
                                "next": inner.group(2),
                                "next_line": first_line + end,
                            }
                        )
                    end += 1
                if end >= len(lines):
                    raise BadImportFile(
                        _("%(file)s:%(line)d: this ::: %(name)s block is never closed with :::.")
                        % {"file": self.path, "line": start, "name": name}
                    )
                self.line = start
                block = self.directive(name, args, lines[position + 1 : end], start + 1, start)
                if block is not None:
                    blocks.append(block)
                position = end + 1
                plain_start = first_line + position
                continue
            if FENCE.match(line.strip()):
                raise BadImportFile(
                    _("%(file)s:%(line)d: this ::: closes no block.")
                    % {"file": self.path, "line": first_line + position}
                )
            if not plain:
                plain_start = first_line + position
            plain.append(line)
            position += 1
        if plain:
            blocks += self.markdown(plain, plain_start, title_holder)
        return blocks

    def _html(self, lines: list[str], first_line: int) -> str:
        tokens = self._without_images(_md.parse("\n".join(lines)), first_line)
        return _rich_text(_md.renderer.render(tokens, _md.options, {}))

    def _number(self, fields: dict, key: str, line: int, default=None):
        value = fields.get(key, "")
        if value.isdigit():
            return int(value)
        if value:
            self.warn(
                line,
                _("“%(key)s: %(value)s” is not a whole number; it was left out.")
                % {"key": key, "value": value},
            )
        return default

    def directive(self, name, args, inner, inner_first_line, line):
        fields, skipped = {}, 0
        for text in inner:
            match = KEY_LINE.match(text.strip())
            if match and match.group(1) in DIRECTIVE_FIELDS.get(name, ()):
                fields[match.group(1)] = match.group(2).strip()
            elif text.strip():
                break
            skipped += 1
        inner, inner_first_line = inner[skipped:], inner_first_line + skipped
        text = "\n".join(inner).strip()
        if name == "warning":
            content = []
            for block in self.document(inner, inner_first_line):
                if block["type"] in WARNING_BLOCKS:
                    content.append(block)
                else:
                    self.warn(
                        self.lines[block["id"]],
                        _("a “%(block)s” block cannot be inside a warning; it was left out.")
                        % {"block": ModuleStreamBlock.base_blocks[block["type"]].label},
                    )
            self.line = line
            return self._block(
                "content_warning",
                {"warning": args or _("Hard content"), "content": content},
            )
        if name == "pause":
            seconds = self._number(fields, "seconds", line, 60)
            return self._block(
                "pause", {"title": args or _("A pause"), "instructions": text, "seconds": seconds}
            )
        if name == "facilitator":
            return self._block("facilitator_note", {"note": self._html(inner, inner_first_line)})
        if name == "case":
            return self._block(
                "case_example",
                {
                    "title": args,
                    "narrative": self._html(inner, inner_first_line),
                    "what_to_notice": self._html([fields.get("notice", "")], line),
                },
            )
        if name == "question":
            return self._block("reflection_question", {"question": args, "guidance": text})
        if name == "tool":
            tokens = _md.parse(text)
            inline = [t for t in tokens if t.type == "inline"]
            return self._block(
                "tool",
                {
                    "name": args,
                    "purpose": "\n\n".join(t.content for t in inline if t.level == 1),
                    "steps": [t.content for t in inline if t.level > 1],
                    "duration_minutes": self._number(fields, "minutes", line),
                    "materials": [
                        m.strip() for m in fields.get("materials", "").split(";") if m.strip()
                    ],
                },
            )
        if name == "source":
            value = {key: fields.get(key, "") for key in DIRECTIVE_FIELDS["source"]}
            value["year"] = self._number(fields, "year", line)
            return self._block("source_reference", value)
        found = {"concept": self.glossary, "activity": self.activities}.get(name)
        if found is None:
            self.warn(line, _("unknown block “::: %(name)s”; it was left out.") % {"name": name})
            return None
        chosen = found.get(slugify(args)) or found.get(args.lower())
        if chosen is None:
            missing = (
                _("no glossary term “%(term)s” in this language; the concept was left out.")
                if name == "concept"
                else _("no activity “%(term)s” in this language; it was left out.")
            )
            self.warn(line, missing % {"term": args})
            return None
        if name == "activity":
            value = {"activity": chosen.pk, "introduction": text}
            return self._block("interactive_activity", value)
        return self._block("key_concept", {"term": chosen.pk, "in_this_module": text})


def _read(path: Path) -> list[str]:
    data = path.read_bytes()
    try:
        return data.decode("utf-8").splitlines()
    except UnicodeDecodeError as error:
        raise BadImportFile(
            _("%(file)s:%(line)d: not UTF-8 text.")
            % {"file": path, "line": data.count(b"\n", 0, error.start) + 1}
        ) from error


def _check_folder(parsed: list[ParsedModule]) -> dict:
    """One booklet, one address per module, one file per translated module; returns the
    booklet's title and summary as (value, file, line), from whichever files give them."""
    first, booklet, slugs, translated = parsed[0], {}, {}, {}
    for module in parsed:
        if module.meta["booklet"] != first.meta["booklet"]:
            raise BadImportFile(
                _(
                    "%(file)s:%(line)d: this file is for booklet %(number)s, but %(first)s "
                    "is for booklet %(first_number)s; import one booklet at a time."
                )
                % {
                    "file": module.path,
                    "line": module.lines["booklet"],
                    "number": module.meta["booklet"],
                    "first": first.path.name,
                    "first_number": first.meta["booklet"],
                }
            )
        for key in BOOKLET_KEYS:
            if key not in module.meta:
                continue
            given = booklet.setdefault(key, (module.meta[key], module.path, module.lines[key]))
            if given[0] != module.meta[key]:
                raise BadImportFile(
                    _("%(file)s:%(line)d: “%(key)s” differs from the one in %(other)s.")
                    % {
                        "file": module.path,
                        "line": module.lines[key],
                        "key": key,
                        "other": given[1].name,
                    }
                )
        line = module.lines.get("slug", 1)
        if module.slug in slugs:
            raise BadImportFile(
                _(
                    "%(file)s:%(line)d: the address “%(slug)s” is already used by %(other)s; "
                    "give one of them another “slug:”."
                )
                % {
                    "file": module.path,
                    "line": line,
                    "slug": module.slug,
                    "other": slugs[module.slug].name,
                }
            )
        slugs[module.slug] = module.path
        source = module.meta.get("translates")
        if source is not None:
            source = _slug(source)
            if source in translated:
                raise BadImportFile(
                    _("%(file)s:%(line)d: %(other)s already translates “%(slug)s”.")
                    % {
                        "file": module.path,
                        "line": module.lines["translates"],
                        "other": translated[source].name,
                        "slug": source,
                    }
                )
            translated[source] = module.path
    return booklet


def _lookups(locale: Locale) -> tuple[dict, dict]:
    """The glossary terms and activities of a language, by slug or title (any case)."""
    glossary = {}
    for term in GlossaryTerm.objects.filter(locale=locale):
        glossary[term.slug] = glossary[term.term.lower()] = term
    # The newest, where two activities share a title.
    activities = H5PActivity.objects.filter(locale=locale).order_by("pk")
    return glossary, {activity.title.lower(): activity for activity in activities}


def _parse_file(path, lookups, report, images, known=KNOWN_KEYS, required=REQUIRED_KEYS):
    lines = _read(path)
    meta, where, closing_line = _front_matter(path, lines, known, required)
    title: list[tuple[str, int]] = []
    builder = _BlockBuilder(path, lookups, report, images)
    blocks = builder.document(lines[closing_line:], closing_line + 1, title_holder=title)
    if not title:
        raise BadImportFile(
            _("%(file)s:%(line)d: the module needs a title (a # heading).")
            % {"file": path, "line": closing_line + 1}
        )
    slug = (
        _slug(meta.get("slug", ""))
        or _slug(re.sub(r"^\d+[-_ ]*", "", path.stem))
        or _slug(title[0][0])
    )
    objectives = "\n".join(o.strip() for o in meta.get("objectives", "").split(";") if o.strip())
    return ParsedModule(
        path, meta, where, title[0][0], title[0][1], slug, blocks, objectives, builder.lines
    )


def parse_page(path: Path, locale: Locale, known: tuple, required: tuple) -> ParsedModule:
    """One Markdown file that is not a module (the demo's other pages), with front matter
    of `known` keys; anything it cannot map is a BadImportFile."""
    report, images = ImportReport(), _Images(path.parent)
    page = _parse_file(path, _lookups(locale), report, images, known, required)
    if report.warnings:
        raise BadImportFile("\n".join(report.warnings))
    images.upload()
    return page


def parse_folder(
    folder: Path, locale: Locale, report: ImportReport, images: _Images | None = None
) -> list[ParsedModule]:
    files = sorted(folder.glob("*.md"))
    if not files:
        raise BadImportFile(_("%(folder)s has no Markdown (.md) files.") % {"folder": folder})
    images, lookups = images or _Images(folder), _lookups(locale)
    return [_parse_file(path, lookups, report, images) for path in files]


@contextmanager
def _saving(path: Path, lines: dict[str, int], line: int) -> Iterator[None]:
    """A page Wagtail refuses to save stops everything, named by file and line: the
    line of the refused field when the file gives it, `line` otherwise."""
    try:
        yield
    except ValidationError as error:
        fields = getattr(error, "error_dict", {})
        line = next((lines[name] for name in fields if name in lines), line)
        details = (
            "; ".join(f"{name}: {' '.join(error.message_dict[name])}" for name in fields)
            if fields
            else " ".join(error.messages)
        )
        raise BadImportFile(
            _("%(file)s:%(line)d: Wagtail could not save this page (%(details)s).")
            % {"file": path, "line": line, "details": details}
        ) from error


def _refusals(data: dict, name: str = "") -> list[str]:
    """“field: message” for each refusal in a block error's as_json_data()."""
    found = [f"{name}: {message}" if name else message for message in data.get("messages", [])]
    for key, inner in data.get("blockErrors", {}).items():
        found += _refusals(inner, key if isinstance(key, str) else name)
    return found


def _checkable(blocks: list) -> list:
    """The blocks without those whose values the importer looked up itself (a concept's
    term, an activity, an uploaded image): checking those would cost a query each."""
    checkable = []
    for block in blocks:
        if block["type"] in ("key_concept", "interactive_activity", "image"):
            continue
        if block["type"] == "content_warning":
            # A warning holding only looked-up blocks is checked whole: it may not be empty.
            content = block["value"]["content"]
            value = {**block["value"], "content": _checkable(content) or content}
            block = {**block, "value": value}
        checkable.append(block)
    return checkable


def _check_blocks(module: ParsedModule) -> None:
    """Refuse what the admin would refuse on the page's next save (a pause of 5 seconds,
    a case without a title), at the line of the block."""
    stream, blocks = ModuleStreamBlock(), _checkable(module.blocks)
    try:
        stream.clean(stream.to_python(blocks))
    except StreamBlockValidationError as error:
        if not error.block_errors:
            return  # only an empty body, which a draft may have
        index = min(error.block_errors)
        raise BadImportFile(
            _("%(file)s:%(line)d: Wagtail could not save this block (%(details)s).")
            % {
                "file": module.path,
                "line": module.block_lines[blocks[index]["id"]],
                "details": "; ".join(_refusals(error.block_errors[index].as_json_data())),
            }
        ) from error


def _booklet(
    parsed: list[ParsedModule], given: dict, locale: Locale, report: ImportReport
) -> BookletPage:
    first = parsed[0]
    number, edition = int(first.meta["booklet"]), max(int(m.meta["edition"]) for m in parsed)
    label = _("booklet %(number)d") % {"number": number}
    title_given, summary_given = given.get("booklet_title"), given.get("booklet_summary")
    # Where Wagtail's refusals point: the booklet_title line when a file gives one, the
    # first file's booklet line otherwise.
    if title_given:
        path, line = title_given[1], title_given[2]
        lines = {"title": line, "slug": line}
    else:
        path, line, lines = first.path, first.lines["booklet"], {}
    if summary_given and summary_given[1] == path:
        lines["summary"] = summary_given[2]
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
        if locale.language_code == settings.LANGUAGE_CODE or source is None:
            if locale.language_code != settings.LANGUAGE_CODE:
                raise BadImportFile(
                    _(
                        "%(file)s:%(line)d: booklet %(number)d does not exist in Spanish yet: "
                        "import the Spanish edition first."
                    )
                    % {"file": first.path, "line": first.lines["booklet"], "number": number}
                )
            with translation.override(locale.language_code):
                title = (
                    title_given[0] if title_given else _("Booklet %(number)d") % {"number": number}
                )
            with _saving(path, lines, line):
                booklet = home.add_child(
                    instance=BookletPage(
                        title=title,
                        slug=_slug(title),
                        number=number,
                        summary=summary_given[0] if summary_given else title,
                        edition_number=edition,
                        live=False,
                    )
                )
        else:
            if title_given is None:
                raise BadImportFile(
                    _(
                        "%(file)s:%(line)d: booklet %(number)d is new in this language: give "
                        "its title in this language with “booklet_title:” (and its summary "
                        "with “booklet_summary:”)."
                    )
                    % {"file": first.path, "line": first.lines["booklet"], "number": number}
                )
            with _saving(path, lines, line):
                booklet = source.copy_for_translation(locale).specific
                booklet.title = booklet.draft_title = title_given[0]
                booklet.slug = _slug(title_given[0])
                booklet.summary = summary_given[0] if summary_given else title_given[0]
                # The edition number stays the Spanish booklet's (BookletPage.save).
                booklet.save()
        with _saving(path, lines, line):
            booklet.save_revision()
        report.created.append(label)
        return booklet
    draft = booklet.get_latest_revision_as_object()
    # An existing booklet's edition number is not the importer's to change: a moderator
    # starts the next edition (booklets.editions), whatever the files say.
    changed = False
    if title_given and draft.title != title_given[0]:
        draft.title = title_given[0]
        if booklet.first_published_at is None:  # a published booklet keeps its address
            draft.slug = _slug(title_given[0])
        changed = True
    if summary_given and draft.summary != summary_given[0]:
        draft.summary, changed = summary_given[0], True
    if changed:
        with _saving(path, lines, line):
            draft.save_revision()
        report.updated.append(label)
    else:
        report.unchanged.append(label)
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


def _field_lines(module: ParsedModule) -> dict[str, int]:
    where = module.lines
    return {
        "title": module.title_line,
        "slug": where.get("slug", 1),
        "kind": where.get("kind", 1),
        "estimated_minutes": where.get("minutes", 1),
        "sensitivity": where.get("sensitivity", 1),
        "learning_objectives": where.get("objectives", 1),
        "body": module.title_line,
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


def _translation_of(
    module: ParsedModule, booklet: BookletPage, locale: Locale
) -> tuple[ModulePage | None, ModulePage]:
    """The module `translates:` names, in this booklet's Spanish version only, and its
    translation here if there is one already."""
    slug, line = _slug(module.meta["translates"]), module.lines["translates"]
    number = booklet.number
    if locale.language_code == settings.LANGUAGE_CODE:
        raise BadImportFile(
            _("%(file)s:%(line)d: “translates” is for files in another language than Spanish.")
            % {"file": module.path, "line": line}
        )
    source_booklet = booklet.get_translation_or_none(
        Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    )
    if source_booklet is None:
        raise BadImportFile(
            _(
                "%(file)s:%(line)d: booklet %(number)d in this language is not a translation "
                "of the Spanish booklet %(number)d, so its modules cannot translate Spanish ones."
            )
            % {"file": module.path, "line": line, "number": number}
        )
    source = ModulePage.objects.child_of(source_booklet).filter(slug=slug).first()
    if source is None:
        raise BadImportFile(
            _(
                "%(file)s:%(line)d: the Spanish booklet %(number)d has no module “%(slug)s” "
                "to translate."
            )
            % {"file": module.path, "line": line, "number": number, "slug": slug}
        )
    page = source.get_translation_or_none(locale)
    if page is not None and page.get_parent().pk != booklet.pk:
        raise BadImportFile(
            _(
                "%(file)s:%(line)d: the translation of “%(slug)s” is in another booklet; "
                "move it back to booklet %(number)d first."
            )
            % {"file": module.path, "line": line, "number": number, "slug": slug}
        )
    if page is None and ModulePage.objects.child_of(booklet).filter(slug=module.slug).exists():
        raise BadImportFile(
            _(
                "%(file)s:%(line)d: booklet %(number)d already has a module “%(slug)s” that "
                "does not translate “%(source)s”; give this file another “slug:”."
            )
            % {
                "file": module.path,
                "line": module.lines.get("slug", line),
                "number": number,
                "slug": module.slug,
                "source": slug,
            }
        )
    return page, source


def import_booklet(folder: Path, language: str) -> ImportReport:
    """Import a folder in one transaction; BadImportFile names the file and line."""
    images = _Images(Path(folder))
    try:
        return _import_booklet(Path(folder), language, images)
    except BaseException:
        # The rows rolled back; the files uploaded to storage must go too.
        storage = get_image_model()._meta.get_field("file").storage
        for name in images.stored:
            storage.delete(name)
        raise


@transaction.atomic
def _import_booklet(folder: Path, language: str, images: _Images) -> ImportReport:
    report = ImportReport()
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise BadImportFile(_("Unknown language “%(language)s”.") % {"language": language})
    parsed = parse_folder(folder, locale, report, images)
    given = _check_folder(parsed)
    images.upload()
    for module in parsed:
        _check_blocks(module)
    booklet = _booklet(parsed, given, locale, report)
    for module in parsed:
        fields = _fields(module)
        name = module.path.name
        with _saving(module.path, _field_lines(module), module.title_line):
            if "translates" in module.meta:
                page, source = _translation_of(module, booklet, locale)
                if page is None:
                    page = source.copy_for_translation(locale).specific
                    page.slug = module.slug
                    for field_name, value in fields.items():
                        setattr(page, field_name, value)
                    page.save()
                    page.save_revision()
                    page.place_before_facilitator_guide()
                    report.created.append(name)
                    continue
            else:
                page = ModulePage.objects.child_of(booklet).filter(slug=module.slug).first()
            if page is None:
                page = booklet.add_child(
                    instance=ModulePage(slug=module.slug, live=False, **fields)
                )
                page.save_revision()
                page.place_before_facilitator_guide()
                report.created.append(name)
                continue
            draft = page.get_latest_revision_as_object()
            if _same(draft, fields):
                report.unchanged.append(name)
                continue
            for field_name, value in fields.items():
                setattr(draft, field_name, value)
            draft.save_revision()
            report.updated.append(name)
    return report
