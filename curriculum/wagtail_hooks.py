from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from curriculum.admin_forms import H5PActivityForm
from curriculum.models import GlossaryTerm, H5PActivity
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
