"""PostgreSQL text search configurations for the index (search.backend): Spanish and
English stemming and whole words, each with accents removed (the unaccent extension).
Nothing to do on SQLite, whose FTS5 tokenizer folds accents itself."""

from django.db import migrations

LANGUAGES = {"claves_es": "spanish", "claves_en": "english", "claves_simple": "simple"}
WORD_TOKENS = "asciiword, asciihword, hword_asciipart, word, hword, hword_part"


def _stemmer(parser_config: str) -> str:
    return "simple" if parser_config == "simple" else f"{parser_config}_stem"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, base in LANGUAGES.items():
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {base})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR {WORD_TOKENS} WITH unaccent, {_stemmer(base)}"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in LANGUAGES:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0009_remove_ngram_autocomplete")]

    operations = [migrations.RunPython(create, drop)]
