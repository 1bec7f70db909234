"""The passage of a page that matched, with the matched words marked.

Matching here is forgiving like the index: case and accents do not count, and a word
matches the start of a longer one ("desapar" marks "desaparición"). A word of six
letters or more loses its last two letters first, so "desaparecidas" marks
"desaparecido" as PostgreSQL's stemming found it."""

import re
import unicodedata

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WORD = re.compile(r"\w+")
SNIPPET_LENGTH = 220


class _FoldTable(dict):
    """For str.translate: each character without its accent, in lower case, still one
    character long (so positions in the folded text are positions in the original);
    worked out once per character seen."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFD", char)[0].lower()
        self[code] = folded if len(folded) == 1 else char
        return self[code]


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    return text.translate(_FOLD_TABLE)


def query_stems(query: str) -> list[str]:
    stems = []
    for word in WORD.findall(fold(query)):
        stem = word[:-2] if len(word) >= 6 else word
        if stem not in stems:
            stems.append(stem)
    return stems


def matched_spans(text: str, stems: list[str]) -> list[tuple[int, int]]:
    folded = fold(text)
    return [
        match.span()
        for match in WORD.finditer(folded)
        if any(match.group().startswith(stem) for stem in stems)
    ]


def first_matched_word(text: str, query: str) -> str:
    spans = matched_spans(text, query_stems(query))
    return text[spans[0][0] : spans[0][1]] if spans else ""


def _window(text: str, spans: list[tuple[int, int]]) -> tuple[int, int]:
    """About SNIPPET_LENGTH characters around the first match, cut between words."""
    if not spans or len(text) <= SNIPPET_LENGTH:
        return 0, min(len(text), SNIPPET_LENGTH)
    start = max(0, spans[0][0] - SNIPPET_LENGTH // 3)
    end = min(len(text), start + SNIPPET_LENGTH)
    if start > 0:
        start = text.find(" ", start) + 1 or start
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return start, end


def highlighted_snippet(text: str, query: str) -> SafeString:
    """A short passage of `text` around the first match, escaped, with every matched
    word inside <mark>."""
    text = " ".join(text.split())
    spans = matched_spans(text, query_stems(query))
    start, end = _window(text, spans)
    marked = []
    position = start
    for span_start, span_end in spans:
        if start <= span_start and span_end <= end:
            marked.append((text[position:span_start], text[span_start:span_end]))
            position = span_end
    return format_html(
        "{}{}{}{}",
        "…" if start > 0 else "",
        format_html_join("", "{}<mark>{}</mark>", marked),
        text[position:end],
        "…" if end < len(text) else "",
    )
