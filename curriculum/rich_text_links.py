"""The page link handler that answers from `curriculum.richtext`'s prefetched map.

Kept apart from `richtext.py` because Wagtail's handler module needs the app registry
ready, and `richtext.py` is imported while models load.
"""

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from curriculum.richtext import resolved_url_map


class PrefetchedPageLinkHandler(PageLinkHandler):
    """Wagtail's page link handler, answering from the prefetched map when it can."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        resolved = resolved_url_map()
        if resolved is None:
            return super().expand_db_attributes_many(attrs_list)
        try:
            ids = [int(attrs.get("id", "")) for attrs in attrs_list]
        except ValueError:
            return super().expand_db_attributes_many(attrs_list)
        if any(page_id not in resolved for page_id in ids):
            return super().expand_db_attributes_many(attrs_list)
        return [
            f'<a href="{escape(resolved[page_id])}">' if resolved[page_id] else "<a>"
            for page_id in ids
        ]
