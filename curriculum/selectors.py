"""Reads for the curriculum app."""

from django.db.models import QuerySet
from wagtail.models import Locale

from curriculum.models import GlossaryTerm


def glossary_terms_for_locale(*, locale: Locale) -> QuerySet[GlossaryTerm]:
    """The glossary in one language, alphabetical, with related terms prefetched."""
    return (
        GlossaryTerm.objects.filter(locale=locale)
        .order_by("term")
        .prefetch_related("related_terms")
    )
