"""Every block explains itself to editors and previews in the admin."""

import re

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail import blocks

from curriculum.blocks import ModuleStreamBlock
from tests.factories import sign_in, superuser


def all_block_definitions():
    seen = {}

    def walk(block):
        for child in getattr(block, "child_blocks", {}).values():
            seen.setdefault(type(child), child)
            walk(child)
        if isinstance(block, blocks.ListBlock):
            walk(block.child_block)

    walk(ModuleStreamBlock())
    # Stream blocks inside the library are containers, not blocks an editor picks.
    return [
        b
        for t, b in seen.items()
        if t.__module__ == "curriculum.blocks" and not isinstance(b, blocks.StreamBlock)
    ]


LIBRARY = all_block_definitions()


def test_the_library_has_every_block_the_curriculum_needs():
    names = set(ModuleStreamBlock().child_blocks)
    assert names == {
        "text",
        "key_concept",
        "case_example",
        "tool",
        "reflection_question",
        "quote",
        "content_warning",
        "pause",
        "facilitator_note",
        "image",
        "source_reference",
        "interactive_activity",
    }


@pytest.mark.parametrize("definition", LIBRARY, ids=lambda b: type(b).__name__)
def test_block_has_docstring_icon_template_description_and_preview(definition):
    block_class = type(definition)
    assert block_class.__doc__ and len(block_class.__doc__.strip()) > 20
    assert definition.meta.icon and definition.meta.icon != "placeholder"
    assert definition.meta.template.startswith("curriculum/blocks/")
    assert str(definition.meta.description)
    assert hasattr(definition.meta, "preview_value")


@pytest.mark.django_db
@pytest.mark.parametrize("definition", LIBRARY, ids=lambda b: type(b).__name__)
def test_block_preview_renders_in_the_admin(client, definition):
    sign_in(client, superuser())
    response = client.get(
        reverse("wagtailadmin_block_preview"), {"id": definition.definition_prefix}
    )
    assert response.status_code == 200
    assert "css/claves.css" in response.content.decode()


FUNCTION_WORDS = {"a", "an", "the", "of", "its", "it", "is", "this", "s", "optional"}


def _says_more_than(label, help_text) -> bool:
    """A help text earns its place with at least two words its label does not have."""
    words = set(re.findall(r"\w+", str(label).lower()))
    return len(set(re.findall(r"\w+", str(help_text).lower())) - words - FUNCTION_WORDS) > 1


def _labelled_help_texts():
    for definition in LIBRARY:
        for name, child in getattr(definition, "child_blocks", {}).items():
            field = getattr(child, "field", None)
            help_text = getattr(child.meta, "help_text", None) or getattr(field, "help_text", "")
            yield f"{type(definition).__name__}.{name}", child.label, help_text
    for model in apps.get_app_config("booklets").get_models():
        for field in model._meta.get_fields():
            if getattr(field, "help_text", None) and field.model is model:
                yield f"{model.__name__}.{field.name}", field.verbose_name, field.help_text


def test_no_help_text_merely_repeats_its_label():
    """Editors read a field's label first; "Year." under "Year" only adds noise."""
    repeating = [
        name
        for name, label, help_text in _labelled_help_texts()
        if help_text and not _says_more_than(label, help_text)
    ]
    assert repeating == []
