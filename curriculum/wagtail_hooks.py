from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from curriculum.models import GlossaryTerm
from curriculum.rich_text_links import PrefetchedPageLinkHandler


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    menu_label = _("Glossary")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["term", "slug", "locale"]
    search_fields = ["term", "definition"]
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


# Runs after Wagtail's own registration (order 0), so it replaces the page link handler.
@hooks.register("register_rich_text_features", order=100)
def register_prefetched_page_links(features):
    features.register_link_type(PrefetchedPageLinkHandler)
