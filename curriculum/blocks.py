"""The block library of a module's body.

Every block has a docstring, and a Meta with icon, template, description and a preview
value, so editors see what it is for and what it will look like.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from accounts.roles import is_facilitator

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


def _request(context):
    return (context or {}).get("request")


class BodyTextBlock(blocks.RichTextBlock):
    """Running text: paragraphs, sub-headings, lists and links, nothing else."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        kwargs.setdefault("help_text", _("Paragraphs, sub-headings, lists and links."))
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "curriculum/blocks/body_text.html"
        description = _("Running text with sub-headings, lists and links.")
        preview_value = (
            "<h2>Impactos psicosociales</h2><p>La violencia deja huellas en el cuerpo, "
            "las emociones y los vínculos de las personas y de los grupos.</p>"
        )


class KeyConceptBlock(blocks.StructBlock):
    """A key concept: a glossary term whose definition is shown inline, with a link to
    the glossary, and a note on how this module uses it."""

    term = SnippetChooserBlock(
        "curriculum.GlossaryTerm",
        label=_("Glossary term"),
        help_text=_("Its definition is shown to the reader; edit it in the glossary."),
    )
    in_this_module = blocks.TextBlock(
        required=False,
        label=_("In this module"),
        help_text=_("Optional: how this module uses the concept, in a sentence or two."),
    )

    class Meta:
        icon = "openquote"
        label = _("Key concept")
        template = "curriculum/blocks/key_concept.html"
        description = _("A glossary term with its definition, linked to the glossary.")
        preview_value = {
            "in_this_module": "Aquí nos fijamos en cómo el miedo cambia la vida de un colectivo."
        }


class CaseExampleBlock(blocks.StructBlock):
    """A case from practice, anonymised, with what the reader should notice in it."""

    title = blocks.CharBlock(max_length=160, label=_("Title"))
    narrative = blocks.RichTextBlock(
        features=SHORT_RICH_TEXT_FEATURES,
        label=_("The case"),
        help_text=_("What happened, anonymised: no real names, places or dates."),
    )
    what_to_notice = blocks.RichTextBlock(
        features=SHORT_RICH_TEXT_FEATURES,
        required=False,
        label=_("What to notice"),
        help_text=_("Optional: impacts, coping mechanisms or questions to look for."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Case example")
        template = "curriculum/blocks/case_example.html"
        description = _("An anonymised case from practice and what to notice in it.")
        preview_value = {
            "title": "Una asamblea comunitaria",
            "narrative": "<p>Tras una amenaza, una comunidad deja de reunirse.</p>",
            "what_to_notice": "<p>El aislamiento como impacto y la asamblea como defensa.</p>",
        }


class ToolBlock(blocks.StructBlock):
    """A tool of accompaniment: what it is for, its steps, time and materials."""

    name = blocks.CharBlock(max_length=160, label=_("Name"))
    purpose = blocks.TextBlock(label=_("Purpose"))
    steps = blocks.ListBlock(
        blocks.TextBlock(label=_("Step")),
        label=_("Steps"),
        help_text=_("One step per item, in order."),
    )
    duration_minutes = blocks.IntegerBlock(
        min_value=1,
        max_value=600,
        required=False,
        label=_("Duration (minutes)"),
    )
    materials = blocks.ListBlock(
        blocks.CharBlock(label=_("Material")),
        required=False,
        label=_("Materials"),
        help_text=_("What to bring, one per item."),
    )

    class Meta:
        icon = "cogs"
        label = _("Tool")
        template = "curriculum/blocks/tool.html"
        description = _("A tool of accompaniment: purpose, steps, duration, materials.")
        preview_value = {
            "name": "Mapa de apoyos",
            "purpose": "Reconocer con quién se cuenta.",
            "steps": ["Dibuja un círculo con tu nombre.", "Añade a quienes te apoyan."],
            "duration_minutes": 20,
            "materials": ["Papel", "Lápices de colores"],
        }


class ReflectionQuestionBlock(blocks.StructBlock):
    """A question for the reader to think about, alone or with the group."""

    question = blocks.TextBlock(label=_("Question"), help_text=_("One open question."))
    guidance = blocks.TextBlock(
        required=False,
        label=_("Guidance"),
        help_text=_("Optional: a hint on how to approach it."),
    )

    class Meta:
        icon = "help"
        label = _("Reflection question")
        template = "curriculum/blocks/reflection_question.html"
        description = _("An open question for personal or group reflection.")
        preview_value = {
            "question": "¿Qué te ha ayudado a seguir en los momentos difíciles?",
            "guidance": "No hay respuestas correctas.",
        }


class QuoteBlock(blocks.StructBlock):
    """A short quotation with who said it."""

    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(
        max_length=200,
        required=False,
        label=_("Attribution"),
        help_text=_("Who said it; use a role, not a name, when it could put someone at risk."),
    )

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "curriculum/blocks/quote.html"
        description = _("A short quotation with its attribution.")
        preview_value = {
            "quote": "Nadie se salva sola.",
            "attribution": "Integrante de un colectivo de búsqueda",
        }


class PauseBlock(blocks.StructBlock):
    """A short grounding exercise between hard passages."""

    title = blocks.CharBlock(
        max_length=120, label=_("Title"), help_text=_("For example: Take a breath.")
    )
    instructions = blocks.TextBlock(
        label=_("Instructions"), help_text=_("A calm, short exercise the reader can do now.")
    )
    seconds = blocks.IntegerBlock(
        min_value=10,
        max_value=600,
        default=60,
        label=_("Length (seconds)"),
    )

    class Meta:
        icon = "time"
        label = _("Pause")
        template = "curriculum/blocks/pause.html"
        description = _("A short grounding exercise.")
        preview_value = {
            "title": "Una pausa",
            "instructions": "Apoya los pies en el suelo y respira despacio tres veces.",
            "seconds": 60,
        }


class ImageBlock(blocks.StructBlock):
    """An image with the alternative text that describes it; never without one."""

    image = ImageChooserBlock(
        label=_("Image"), help_text=_("Keep it light: many readers are on slow connections.")
    )
    alt_text = blocks.CharBlock(
        max_length=250,
        label=_("Alternative text"),
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(max_length=250, required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")
        template = "curriculum/blocks/image.html"
        description = _("An image with required alternative text.")
        preview_value = {"alt_text": "Un grupo sentado en círculo", "caption": "Un taller"}


class SourceReferenceBlock(blocks.StructBlock):
    """A reference to a publication the module draws on."""

    author = blocks.CharBlock(max_length=200, label=_("Author"))
    title = blocks.CharBlock(max_length=300, label=_("Title"))
    year = blocks.IntegerBlock(required=False, min_value=1800, max_value=2100, label=_("Year"))
    publisher = blocks.CharBlock(max_length=200, required=False, label=_("Publisher"))
    address = blocks.CharBlock(
        max_length=300,
        required=False,
        label=_("Web address"),
        help_text=_("Shown as text, not as a link, so no page sends readers elsewhere."),
    )

    class Meta:
        icon = "list-ul"
        label = _("Source reference")
        template = "curriculum/blocks/source_reference.html"
        description = _("A bibliographic reference.")
        preview_value = {
            "author": "Martín-Baró, Ignacio",
            "title": "Psicología social de la guerra",
            "year": 1990,
        }


class FacilitatorNoteBlock(blocks.StructBlock):
    """Guidance for facilitators only. It is rendered only for facilitators and editors;
    for anyone else it produces nothing, and it is never indexed for search."""

    note = blocks.RichTextBlock(
        features=SHORT_RICH_TEXT_FEATURES,
        label=_("Note for facilitators"),
        help_text=_("Only facilitators and editors ever see this."),
    )

    class Meta:
        icon = "user"
        label = _("Facilitator-only note")
        template = "curriculum/blocks/facilitator_note.html"
        description = _("Guidance only facilitators and editors see.")
        preview_value = {"note": "<p>Deja tiempo para el silencio después del caso.</p>"}

    def render(self, value, context=None):
        if not is_facilitator(_request(context)):
            return ""
        return super().render(value, context)

    def get_searchable_content(self, value):
        return []

    def get_api_representation(self, value, context=None):
        return None


class InteractiveActivityBlock(blocks.StructBlock):
    """An interactive activity (H5P): quizzes, fill in the blanks, drag and drop. The
    player's scripts load only on pages that hold one; scores are formative. The chooser
    may offer drafts, but the page plays an activity's live version only (the snippet's
    row; its drafts live in revisions), and nothing for one never published."""

    activity = SnippetChooserBlock(
        "curriculum.H5PActivity",
        label=_("Activity"),
        help_text=_("Upload packages under Interactive activities in the admin menu."),
    )
    introduction = blocks.TextBlock(
        required=False,
        label=_("Introduction"),
        help_text=_("Optional: a sentence on what the activity is for."),
    )

    class Meta:
        icon = "media"
        label = _("Interactive activity")
        template = "curriculum/blocks/interactive_activity.html"
        description = _("An H5P activity played on the page; results are kept for the reader.")
        preview_value = {"introduction": "Pon a prueba lo que leíste."}


class SensitiveContentStreamBlock(blocks.StreamBlock):
    """What a content warning can wrap."""

    text = BodyTextBlock()
    case_example = CaseExampleBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    key_concept = KeyConceptBlock()
    reflection_question = ReflectionQuestionBlock()


class ContentWarningBlock(blocks.StructBlock):
    """Hard material behind a warning: collapsed until the reader chooses to show it,
    with a link to skip past it. Works without JavaScript (a <details> element)."""

    warning = blocks.CharBlock(
        max_length=300,
        label=_("Warning"),
        help_text=_("What the reader will find, e.g. 'Describes torture in detail'."),
    )
    content = SensitiveContentStreamBlock(
        label=_("Sensitive content"), help_text=_("The blocks shown only on request.")
    )

    class Meta:
        icon = "warning"
        label = _("Content warning")
        template = "curriculum/blocks/content_warning.html"
        description = _("Wraps hard material: collapsed, with a way to skip it.")
        preview_value = {
            "warning": "Este caso describe una desaparición.",
            "content": [("text", "<p>Relato del caso.</p>")],
        }


class BaseStreamBlock(blocks.StreamBlock):
    """The blocks any page body may use."""

    text = BodyTextBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    pause = PauseBlock()


class ModuleStreamBlock(BaseStreamBlock):
    """The body of a module: the whole block library."""

    key_concept = KeyConceptBlock()
    case_example = CaseExampleBlock()
    tool = ToolBlock()
    reflection_question = ReflectionQuestionBlock()
    content_warning = ContentWarningBlock()
    facilitator_note = FacilitatorNoteBlock()
    source_reference = SourceReferenceBlock()
    interactive_activity = InteractiveActivityBlock()
