from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.search.backends import get_search_backend
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from curriculum.admin_forms import H5PActivityForm
from curriculum.models import GlossaryTerm, H5PActivity
from curriculum.rich_text_links import PrefetchedPageLinkHandler


class GlossaryTermIndexView(IndexView):
    """The listing searches the glossary's own search index (term and definition), the
    one the site searches: whole words, accent-insensitive, stemmed on PostgreSQL.
    (Wagtail's default asks the index for autocompletion, which the terms do not have,
    and names columns the database backend's index does not have.)"""

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return get_search_backend().search(
            self.search_query, queryset, order_by_relevance=not self.is_explicitly_ordered
        )


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    index_view_class = GlossaryTermIndexView
    icon = "openquote"
    menu_label = _("Glossary")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["term", "slug", "locale"]
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "media"
    menu_label = _("Interactive activities")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["title", "main_library", "locale", "uploaded_at"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [FieldPanel("title"), FieldPanel("package")], base_form_class=H5PActivityForm
    )


register_snippet(H5PActivityViewSet)


# Runs after Wagtail's own registration (order 0), so it replaces the page link handler.
@hooks.register("register_rich_text_features", order=100)
def register_prefetched_page_links(features):
    features.register_link_type(PrefetchedPageLinkHandler)
