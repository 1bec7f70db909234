"""Wagtail's database search backend, with the text of each language read in its own way.

On PostgreSQL a page is indexed with the text search configuration of its language
(`claves_es`, `claves_en`: Spanish or English stemming, accents removed; migration
0001), so "desaparecidas" finds "desaparecido" and "desaparicion" finds
"desaparición". Autocompletion (the admin's page search) uses `claves_simple`: whole
words, no stemming, accents removed. A query is read with one configuration: the
reader's language (search.selectors asks for it), Spanish by default (the admin).

On SQLite, Wagtail's FTS5 table already folds case and accents (its unicode61
tokenizer removes diacritics), so the stock backend serves."""

import copy
from itertools import groupby

from django.db import connection
from wagtail.models import Locale
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
)

CONFIGS = {"es": "claves_es", "en": "claves_en"}
DEFAULT_CONFIG = CONFIGS["es"]
AUTOCOMPLETE_CONFIG = "claves_simple"


# Wagtail looks a backend module's `SearchBackend` up by that name.
def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    return database_backend(params)


def config_for_language(language_code: str) -> str:
    return CONFIGS.get(language_code, DEFAULT_CONFIG)


class LanguageIndex(PostgresIndex):
    """Indexes each object with its own language's configuration."""

    def add_items(self, model, objs):
        languages = dict(Locale.objects.values_list("pk", "language_code"))

        def config_of(obj):
            return config_for_language(languages.get(getattr(obj, "locale_id", None), ""))

        for config, group in groupby(sorted(objs, key=config_of), key=config_of):
            # The stock index reads the configuration from its backend.
            index = copy.copy(self)
            index.backend = self.backend.with_config(config)
            super(LanguageIndex, index).add_items(model, list(group))


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.params = params
        self.config = params.get("SEARCH_CONFIG") or DEFAULT_CONFIG
        self.autocomplete_config = AUTOCOMPLETE_CONFIG

    def with_config(self, config: str) -> "LanguagePostgresSearchBackend":
        return type(self)({**self.params, "SEARCH_CONFIG": config})
