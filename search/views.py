from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from wagtail.models import Locale

from search.selectors import site_search


# What someone searched for is theirs: no browser, proxy or page cache keeps the page.
@never_cache
def search(request):
    """Modules, glossary terms and pages in the reader's language that match `q`."""
    results = site_search(
        query=request.GET.get("q", ""),
        locale=Locale.get_active(),
        page_number=request.GET.get("page", 1),
        request=request,
    )
    return TemplateResponse(request, "search/results.html", {"results": results})
