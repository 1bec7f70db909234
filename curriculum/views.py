from django.template.response import TemplateResponse
from wagtail.models import Locale

from curriculum.selectors import glossary_terms_for_locale


def glossary(request):
    """Every glossary term in the reader's language."""
    terms = glossary_terms_for_locale(locale=Locale.get_active())
    return TemplateResponse(request, "curriculum/glossary.html", {"terms": terms})
