"""Every block explains itself to editors and previews in the admin."""

import pytest
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


def test_every_field_of_every_block_has_help_text():
    missing = []
    for definition in LIBRARY:
        for name, child in getattr(definition, "child_blocks", {}).items():
            help_text = getattr(child.meta, "help_text", None) or getattr(
                getattr(child, "field", None), "help_text", None
            )
            if not help_text:
                missing.append(f"{type(definition).__name__}.{name}")
    assert missing == []
