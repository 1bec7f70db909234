"""Markdown written by people, made safe to show: markdown-it-py with raw HTML off, then
nh3 with an allow-list. Nothing a person writes can run in someone else's browser."""

import nh3
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

# Raise when the rendering or the allow-list changes: stored journal HTML made by an
# older version is rendered again when next shown (curriculum.services).
RENDERER_VERSION = 1

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "a",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
# Headings in a person's text must not outrank the page's own.
_markdown.disable(["image"])


def _demote_headings(html: str) -> str:
    for level in (2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 2}>").replace(
            f"</h{level}>", f"</h{level + 2}>"
        )
    return html


def render_markdown(text: str) -> SafeString:
    html = _demote_headings(_markdown.render(text or ""))
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - cleaned by nh3 with an allow-list just above
