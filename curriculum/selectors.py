"""Reads for the curriculum app."""

from django.db.models import QuerySet
from wagtail.models import Locale

from curriculum.models import GlossaryTerm, JournalEntry, ModuleProgress


def glossary_terms_for_locale(*, locale: Locale) -> QuerySet[GlossaryTerm]:
    """The glossary in one language, alphabetical, with related terms prefetched."""
    return (
        GlossaryTerm.objects.filter(locale=locale)
        .order_by("term")
        .prefetch_related("related_terms")
    )


def studied_module_keys(*, user, module_keys=None) -> set:
    """The modules `user` has studied, by translation_key, in any language or edition."""
    if not getattr(user, "is_authenticated", False):
        return set()
    records = ModuleProgress.objects.filter(user=user)
    if module_keys is not None:
        records = records.filter(module_key__in=list(module_keys))
    return set(records.values_list("module_key", flat=True))


def last_studied_module_key(*, user):
    if not getattr(user, "is_authenticated", False):
        return None
    return (
        ModuleProgress.objects.filter(user=user)
        .order_by("-studied_at")
        .values_list("module_key", flat=True)
        .first()
    )


def journal_entries_for(*, user) -> QuerySet[JournalEntry]:
    """One's entries, most recently written first; the Markdown source is left in the
    database (the list shows the stored HTML, curriculum.services.journal_entry_html)."""
    return JournalEntry.objects.filter(user=user).defer("body").order_by("-updated_at", "-pk")
