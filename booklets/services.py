"""Writes for the booklets app."""

from wagtail.models import Locale

from booklets import demo
from booklets.models import HomePage


def demo_content_load() -> str:
    """Fill the home pages with the demo introduction; idempotent."""
    updated = 0
    for home in HomePage.objects.filter(depth=2).select_related("locale"):
        introduction = demo.HOME_INTRODUCTIONS.get(home.locale.language_code)
        if introduction and home.introduction != introduction:
            home.introduction = introduction
            home.save_revision().publish()
            updated += 1
    languages = ", ".join(Locale.objects.values_list("language_code", flat=True))
    return f"Demo content ready ({languages}); {updated} home page(s) updated."
