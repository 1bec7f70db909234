"""Whatever people write, the rendered Markdown carries no active content."""

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from curriculum.markdown import ALLOWED_TAGS, render_markdown

HOSTILE_PIECES = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    "<iframe src=//evil>",
    "<style>*{}</style>",
    "<b onclick=alert(1)>b</b>",
    "<",
    '<a href="vbscript:x">',
    "[x](  javascript:alert(1))",
    "<object data=x>",
    "<form action=//evil><button>",
    '"><script>',
    "<!-- x -->",
    "`<script>`",
    "**b**",
    "[ok](https://example.org)",
    "> quote",
    "- item",
    "# title",
    "<details open ontoggle=x()>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "&lt;script&gt;",
    "[x](java\tscript:alert(1))",
    '<a href="&#106;avascript:alert(1)">x</a>',
]

pieces = st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(max_size=40))
documents = st.lists(pieces, max_size=12).map("".join)

SAFE_SCHEMES = ("http://", "https://", "mailto:")


def assert_inert(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for tag in soup.find_all(True):
        assert tag.name in ALLOWED_TAGS, tag.name
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on"), attribute
            assert attribute in {"href", "title", "rel"}, attribute
            if attribute == "href":
                assert (
                    value.lower().startswith(SAFE_SCHEMES)
                    or value.startswith(("#", "/"))
                    or (":" not in value.split("/")[0])
                ), value


@settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents)
def test_no_active_content_survives_rendering(text):
    assert_inert(str(render_markdown(text)))


def test_every_hostile_piece_alone_is_inert():
    for piece in HOSTILE_PIECES:
        html = str(render_markdown(piece))
        assert_inert(html)
        hrefs = [a.get("href", "") for a in BeautifulSoup(html, "html.parser").find_all("a")]
        assert not any("script" in href.lower() for href in hrefs), hrefs
        assert "<script" not in html.lower()  # shown as text (&lt;script), never as a tag
