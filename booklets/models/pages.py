"""The page tree: Home -> Booklet -> Module, plus standard pages (about, privacy, safety)."""

from django.core.cache import cache
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.template import engines
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from accounts.roles import is_facilitator, staff_powers
from booklets.fields import LinesField, text_lines
from booklets.models.support import SupportContact
from curriculum.blocks import BaseStreamBlock, ModuleStreamBlock
from curriculum.richtext import rendered_with_page_links
from curriculum.selectors import last_studied_module_key, studied_module_keys


def booklet_of(module, booklets):
    """The booklet among `booklets` that `module` is part of, by the tree (no query)."""
    return next((booklet for booklet in booklets if module.is_child_of(booklet)), None)


def next_module_to_study(user, modules, studied):
    """Where "continue where you left off" goes: the first module not yet studied after
    the one studied last, else the first not yet studied in series order."""
    unstudied = [m for m in modules if m.translation_key not in studied]
    if not unstudied:
        return None
    last_key = last_studied_module_key(user=user)
    last = next((m for m in modules if m.translation_key == last_key), None)
    if last is not None:
        after = [m for m in unstudied if m.path > last.path]
        if after:
            return after[0]
    return unstudied[0]


class ThemeColour(models.TextChoices):
    """A palette rather than free colours: each one keeps white text readable (WCAG AA)
    and lives in our stylesheet, so no page needs an inline style."""

    PLUM = "plum", _("Plum")
    TEAL = "teal", _("Teal")
    OCHRE = "ochre", _("Ochre")
    INDIGO = "indigo", _("Indigo")
    FOREST = "forest", _("Forest")
    RUST = "rust", _("Rust")
    SLATE = "slate", _("Slate")
    WINE = "wine", _("Wine")


class ModuleKind(models.TextChoices):
    """The seminar structure every booklet follows."""

    CONCEPTS = "concepts", _("Concepts")
    CONTEXT = "context", _("Context analysis")
    EXAMPLES = "examples", _("Examples")
    TOOLS = "tools", _("Tools")
    FACILITATION = "facilitation", _("Facilitator guide")


class Sensitivity(models.TextChoices):
    GENERAL = "general", _("General")
    SENSITIVE = "sensitive", _("Sensitive: speaks of violence")
    EXPLICIT = "explicit", _("Very sensitive: describes violence in detail")


class AsciiSlugPageForm(WagtailAdminPageForm):
    """New pages get ASCII slugs: "Desaparición forzada" is `desaparicion-forzada`, an
    address anyone can type and share. A published page keeps its slug."""

    def clean_slug(self):
        slug = self.cleaned_data.get("slug", "")
        if self.instance.pk is None and slug:
            slug = slugify(slug) or slug
        return slug


class PageLinksPrefetchMixin:
    """Resolves every internal link of the page's rich text in one go before rendering,
    so the number of queries does not grow with the length of the page."""

    prefetch_links_from: tuple[str, ...] = ("body",)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        streams = [getattr(self, name) for name in self.prefetch_links_from]
        return rendered_with_page_links(response, streams, request)

    def serve_preview(self, request, mode_name):
        response = super().serve_preview(request, mode_name)
        streams = [getattr(self, name) for name in self.prefetch_links_from]
        return rendered_with_page_links(response, streams, request)


class HomePage(Page):
    """The series in one language: an introduction and the booklets as cards."""

    introduction = RichTextField(
        _("introduction"),
        features=["bold", "italic", "link"],
        blank=True,
        help_text=_("A few sentences on what Claves is and for whom."),
    )
    for_trainees = models.TextField(
        _("for trainees"),
        blank=True,
        help_text=_("How someone studying on their own should begin."),
    )
    for_facilitators = models.TextField(
        _("for facilitators"),
        blank=True,
        help_text=_("How a facilitator preparing a workshop should begin."),
    )
    safety_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("safety advice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every booklet and module."),
    )
    self_care_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("self-care page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("“Take care of yourself”: linked from every booklet and module."),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("contact page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("How to reach the team safely: linked from every page's footer."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("for_trainees"),
        FieldPanel("for_facilitators"),
        MultiFieldPanel(
            [
                FieldPanel("safety_page"),
                FieldPanel("self_care_page"),
                FieldPanel("contact_page"),
            ],
            heading=_("Care for the reader"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["booklets.BookletPage", "booklets.StandardPage"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        # signedin: a module's address is found from the cache (booklet and module in
        # two queries, not four); everything else is routed as Wagtail does.
        found = cached_module_route(self, path_components)
        if found is not None:
            return found
        result = super().route(request, path_components)
        remember_module_route(self, path_components, result)
        return result

    def get_context(self, request, *args, **kwargs):
        """The booklets as cards, each with its count of live modules (and, for someone
        signed in, how many they studied and where to continue); the facilitator guides."""
        context = super().get_context(request, *args, **kwargs)
        booklets = list(BookletPage.objects.child_of(self).live().order_by("number"))
        modules = list(
            ModulePage.objects.descendant_of(self)
            .live()
            .order_by("path")
            .only("path", "depth", "translation_key", "url_path", "title", "locale_id", "kind")
        )
        signed_in = getattr(request.user, "is_authenticated", False)
        studied = studied_module_keys(
            user=request.user, module_keys=[m.translation_key for m in modules]
        )
        # Selectors read these pages; imported when serving, after both loaded.
        from booklets.selectors import modules_counted

        guides = []
        for booklet in booklets:
            own = [m for m in modules if m.is_child_of(booklet)]
            counted = modules_counted(own, request=request)
            booklet.module_count = len(counted)
            if signed_in:
                booklet.studied_count = sum(m.translation_key in studied for m in counted)
            for guide in (m for m in own if m.kind == ModuleKind.FACILITATION):
                guide.booklet = booklet
                guides.append(guide)
        # "Continue" only for someone who studied something; a first-time reader
        # (anonymous or a new account) is told where to start instead.
        if studied and booklets:
            context["continue_module"] = next_module_to_study(request.user, modules, studied)
        context["first_visit"] = not studied
        context["booklets"] = booklets
        context["facilitator_guides"] = guides
        context["standard_pages"] = StandardPage.objects.child_of(self).live().in_menu()
        return context


class BookletPageForm(AsciiSlugPageForm):
    """A booklet's edition number and year are set when it is created; after that only
    "Start edition" (moderators, in the booklet's menu) changes them."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            return
        # Selectors read these pages; imported when a form is built, after both loaded.
        from booklets.selectors import edition_may_start, edition_next_number

        for name in ("edition_number", "edition_year"):
            if name in self.fields:
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "Moderators change it with “Start edition”, in the booklet's menu."
                )
        user = getattr(self, "for_user", None)
        if self.instance.live and user and edition_may_start(user=user, booklet=self.instance):
            number = edition_next_number(booklet=self.instance)
            self.fields["edition_number"].help_text = format_html(
                '<a href="{}">{}</a>',
                reverse("booklet_start_edition", args=[self.instance.pk]),
                _("Start edition %(number)d") % {"number": number},
            )


class BookletPage(RoutablePageMixin, Page):
    """One booklet of the series, in one language; its children are its modules.

    Earlier editions stay readable under `edition/<n>/`; `changes/<n>/` lists what
    changed since edition n; `print/` is the whole booklet laid out for printing."""

    number = models.PositiveSmallIntegerField(
        _("number"),
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("Its place in the series: 1 for the first booklet."),
    )
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences shown on the booklet's card.")
    )
    theme_colour = models.CharField(
        _("theme colour"),
        max_length=20,
        choices=ThemeColour.choices,
        default=ThemeColour.PLUM,
        help_text=_("The booklet's colour on cards and headings."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional. Keep it light: many readers are on slow connections."),
    )
    edition_number = models.PositiveSmallIntegerField(_("edition"), default=1)
    edition_year = models.PositiveSmallIntegerField(
        _("edition year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2000), MaxValueValidator(2100)],
    )
    edition_notes = models.TextField(
        _("edition notes"), blank=True, help_text=_("What changed in this edition.")
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("number"), FieldPanel("theme_colour")]),
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("edition_number"), FieldPanel("edition_year")]),
                FieldPanel("edition_notes"),
            ],
            heading=_("Edition"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]

    parent_page_types = ["booklets.HomePage"]
    subpage_types = ["booklets.ModulePage"]
    base_form_class = BookletPageForm

    # The edition belongs to the booklet as a whole, not to a revision: publishing any
    # revision (an old one, a draft written before the edition started, a typo) keeps
    # the number and year; only `booklets.services.edition_start` changes them.
    EDITION_FIELDS = ("edition_number", "edition_year")

    class Meta:
        verbose_name = _("booklet")
        verbose_name_plural = _("booklets")

    def save(self, *args, **kwargs):
        if self.pk is not None:
            stored = BookletPage.objects.filter(pk=self.pk).values(*self.EDITION_FIELDS).first()
            if stored is not None:
                for name, value in stored.items():
                    setattr(self, name, value)
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        page = super().with_content_json(content)
        for name in self.EDITION_FIELDS:
            setattr(page, name, getattr(self, name))
        return page

    def modules(self):
        return ModulePage.objects.child_of(self).live().order_by("path")

    def _edition(self, number):
        """An earlier edition: frozen, and older than the current one."""
        edition = self.editions.filter(
            number=number, number__lt=self.edition_number, frozen_at__isnull=False
        ).first()
        if edition is None:
            raise Http404
        return edition

    @path("")
    def contents(self, request):
        return self.render(request)

    @path("edition/<int:number>/")
    def edition_contents(self, request, number):
        if number == self.edition_number:
            return redirect(self.url)
        # Selectors read these pages; imported when serving, after both loaded.
        from booklets.selectors import edition_modules_readable

        edition = self._edition(number)
        old_modules = edition_modules_readable(booklet=self, edition=edition)
        return TemplateResponse(
            request,
            "booklets/edition_contents.html",
            {**self.get_context(request), "edition": edition, "old_modules": old_modules},
        )

    @path("edition/<int:number>/<str:slug>/")
    def edition_module(self, request, number, slug):
        if number == self.edition_number:
            return redirect(self.url)
        edition = self._edition(number)
        entry = edition.modules.filter(slug=slug).select_related("revision").first()
        if entry is None or entry.revision is None:
            raise Http404
        # Only a module still live today is read in an earlier edition: one taken off
        # the site is withdrawn from them all.
        current_module = (
            ModulePage.objects.child_of(self)
            .live()
            .filter(translation_key=entry.module_key)
            .first()
        )
        if current_module is None:
            raise Http404
        old = entry.revision.as_object()
        context = old.get_context(request)
        context.update(
            {
                "page": old,
                "self": old,
                "edition": edition,
                "superseded": True,
                "current_module": current_module,
            }
        )
        response = TemplateResponse(request, old.get_template(request), context)
        return rendered_with_page_links(response, [old.body], request)

    @path("changes/<int:number>/")
    def changes(self, request, number):
        if number == self.edition_number:
            return redirect(self.url)
        # Selectors read these pages; imported when serving, after both loaded.
        from booklets.selectors import edition_changes

        edition = self._edition(number)
        return TemplateResponse(
            request,
            "booklets/edition_changes.html",
            {
                **self.get_context(request),
                "edition": edition,
                **edition_changes(
                    booklet=self, since=edition, for_facilitators=is_facilitator(request)
                ),
            },
        )

    preview_modes = [("", _("Contents")), ("print", _("Print: latest drafts"))]

    def may_print_drafts(self, request) -> bool:
        """Editors and moderators, with their second factor used in this session, who
        may edit this booklet print its latest drafts; anyone else prints what is live."""
        return staff_powers(request) and self.permissions_for_user(request.user).can_edit()

    def latest_module_drafts(self) -> list:
        """Every module of the booklet, live or not, as its latest revision."""
        if not self.pk:  # previewed before it was first saved: no modules yet
            return []
        return [
            module.get_latest_revision_as_object()
            for module in ModulePage.objects.child_of(self).order_by("path")
        ]

    def serve_preview(self, request, mode_name):
        if mode_name == "print":
            return self._print_response(request, self.latest_module_drafts())
        return super().serve_preview(request, mode_name)

    @path("print/")
    def print_view(self, request):
        """The booklet laid out for printing; `?draft=1` prints the latest drafts for
        those who may (see `may_print_drafts`), the live booklet for everyone else."""
        if request.GET.get("draft") and self.may_print_drafts(request):
            return self._print_response(request, self.latest_module_drafts())
        return self._print_response(request, list(self.modules()))

    def _print_response(self, request, modules):
        # On paper nothing can be unfolded: warnings stay, and what they cover is printed.
        context = {
            **self.get_context(request),
            "modules": modules,
            "show_sensitive_content": True,
            # Blocks that only work on a screen (activities) print a note instead.
            "printing": True,
        }
        response = TemplateResponse(request, "booklets/booklet_print.html", context)
        return rendered_with_page_links(response, [module.body for module in modules], request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = list(self.modules())
        studied = studied_module_keys(
            user=request.user, module_keys=[m.translation_key for m in modules]
        )
        for module in modules:
            module.is_studied = module.translation_key in studied
        context["modules"] = modules
        # Selectors read these pages; imported when serving, after both loaded.
        from booklets.selectors import modules_counted, translations_behind

        counted = modules_counted(modules, request=request)
        context["counted_module_count"] = len(counted)
        context["studied_count"] = sum(1 for m in counted if m.is_studied)
        context["total_minutes"] = sum(m.estimated_minutes or 0 for m in modules)
        context["home"] = self.get_parent().specific
        context["earlier_editions"] = list(
            self.editions.filter(frozen_at__isnull=False, number__lt=self.edition_number)
        )
        context["translations_behind"] = [t for t, _source in translations_behind(booklet=self)]
        return context


class ModulePage(PageLinksPrefetchMixin, Page):
    """A module of a booklet: one step of the seminar (concepts, context, examples,
    tools or the facilitator guide)."""

    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=ModuleKind.choices,
        help_text=_("Which part of the seminar this module is."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"),
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(600)],
    )
    learning_objectives = LinesField(
        _("learning objectives"),
        blank=True,
        help_text=_("What the reader will be able to do; one objective per line."),
    )
    sensitivity = models.CharField(
        _("sensitivity"),
        max_length=20,
        choices=Sensitivity.choices,
        default=Sensitivity.GENERAL,
        help_text=_("How hard the material is; readers see it before they start."),
    )
    body = StreamField(ModuleStreamBlock(), verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(
            [FieldPanel("kind"), FieldPanel("estimated_minutes"), FieldPanel("sensitivity")]
        ),
        FieldPanel("learning_objectives"),
        FieldPanel("body"),
    ]
    # The admin's page search asks the index for autocompletion, so the text is indexed
    # for that as well: an editor finds a module by a phrase of its body. Facilitator-only
    # notes give the index nothing (FacilitatorNoteBlock.get_searchable_content).
    search_fields = [
        *Page.search_fields,
        index.SearchField("learning_objectives"),
        index.AutocompleteField("learning_objectives"),
        index.SearchField("body"),
        index.AutocompleteField("body"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["booklets.BookletPage"]
    subpage_types = []
    base_form_class = AsciiSlugPageForm

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def place_before_facilitator_guide(self) -> None:
        """A module added to a booklet goes before its facilitator guide, which closes
        the booklet; a facilitator guide stays where it was added, at the end."""
        if self.kind == ModuleKind.FACILITATION:
            return
        guide = (
            ModulePage.objects.sibling_of(self, inclusive=False)
            .filter(kind=ModuleKind.FACILITATION, path__lt=self.path)
            .order_by("path")
            .first()
        )
        if guide is not None:
            self.move(guide, pos="left")

    @property
    def objectives(self) -> list[str]:
        return text_lines(self.learning_objectives)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        booklet = self.get_parent().specific
        siblings = list(ModulePage.objects.sibling_of(self).live().order_by("path"))
        position = next((i for i, m in enumerate(siblings) if m.pk == self.pk), None)
        if position is not None:
            context["previous_module"] = siblings[position - 1] if position > 0 else None
            context["next_module"] = (
                siblings[position + 1] if position + 1 < len(siblings) else None
            )
        # Selectors read these pages; imported when serving, after both loaded.
        from booklets.selectors import modules_counted

        counted = modules_counted(siblings, request=request)
        counted_position = next((i for i, m in enumerate(counted) if m.pk == self.pk), None)
        if counted_position is not None:
            context["module_position"] = counted_position + 1
        user = getattr(request, "user", None)
        context["booklet"] = booklet
        context["module_count"] = len(counted)
        context["home"] = booklet.get_parent().specific
        context["is_studied"] = bool(
            studied_module_keys(user=user, module_keys=[self.translation_key])
        )
        context["show_sensitive_content"] = getattr(user, "show_sensitive_content", False)
        if getattr(self, "_serving_live", False):
            context["shared_body"] = self._shared_body.with_context(context)
        return context

    def serve(self, request, *args, **kwargs):
        # Only the live page, served by its own address, may use the shared body cache:
        # a preview or an earlier edition renders other content under the same page id.
        self._serving_live = True
        self._shared_body = SharedModuleBody(self, request)
        if self._shared_body.cached() is not None:
            # The body's page links were resolved when it was rendered: skip their prefetch.
            return Page.serve(self, request, *args, **kwargs)
        return super().serve(request, *args, **kwargs)


def _module_route_key(home, path_components) -> str | None:
    if len(path_components) != 2:
        return None
    # Imported when routing: the page cache imports these models.
    from booklets.page_cache import generation

    return f"module-route:{home.pk}:{'/'.join(path_components)}:{generation()}"


def cached_module_route(home, path_components):
    """The RouteResult for a module's address (booklet-slug/module-slug) from the cache,
    or None. Publishing, unpublishing or moving anything starts a new generation; the
    pages are checked anyway to be live and still at that address."""
    key = _module_route_key(home, path_components)
    ids = cache.get(key) if key else None
    if ids is None:
        return None
    booklet = BookletPage.objects.filter(pk=ids[0], live=True).first()
    module = ModulePage.objects.filter(pk=ids[1], live=True).first()
    expected = f"{home.url_path}{'/'.join(path_components)}/"
    if booklet is None or module is None or module.url_path != expected:
        return None
    # As Wagtail's routing does: the page's get_parent() then asks nothing.
    booklet._cached_parent_obj, module._cached_parent_obj = home, booklet
    return RouteResult(module)


def remember_module_route(home, path_components, result) -> None:
    key = _module_route_key(home, path_components)
    if key is None or not isinstance(result, RouteResult) or result.args or result.kwargs:
        return
    module = result.page
    booklet = getattr(module, "_cached_parent_obj", None)
    if isinstance(module, ModulePage) and isinstance(booklet, BookletPage):
        cache.set(key, (booklet.pk, module.pk), timeout=SHARED_BODY_SECONDS)


SHARED_BODY = (
    "{% load wagtailcore_tags %}{% for block in page.body %}"
    "{% include_block block with block_id=block.id %}{% endfor %}"
)
SHARED_BODY_SECONDS = 600
CSRF_PLACEHOLDER = "claves-shared-body-csrf-token"


class SharedModuleBody:
    """A live module's body, rendered once per (live revision, language, reader kind) and
    kept in the cache; the personal parts of the page are rendered around it each time.

    The reader kinds are what the blocks look at: facilitator or not (facilitator-only
    notes), signed in or not (journal links, activity hints), and whether the reader
    opens sensitive passages. The page cache's generation and the code release are in
    the key too, so publishing anything (a linked page, a glossary term, an activity) or
    deploying renders it afresh. The cache backend is fail-soft (config.cache): without
    it the body is rendered each time."""

    def __init__(self, page, request):
        self.page, self.request, self.context = page, request, {}
        self.key = self._cache_key()
        self._html = None

    def with_context(self, context) -> "SharedModuleBody":
        self.context = context
        return self

    def __bool__(self) -> bool:
        return True

    def _cache_key(self) -> str:
        # Imported when serving: the page cache imports these models.
        from booklets.page_cache import generation, release

        user = getattr(self.request, "user", None)
        kind = "-".join(
            (
                "facilitator" if is_facilitator(self.request) else "reader",
                "signed-in" if getattr(user, "is_authenticated", False) else "anonymous",
                "open" if getattr(user, "show_sensitive_content", False) else "closed",
            )
        )
        language = translation.get_language()
        revision = self.page.live_revision_id
        return f"module-body:{self.page.pk}:{revision}:{language}:{kind}:{generation()}:{release()}"

    def cached(self) -> str | None:
        if self._html is None:
            self._html = cache.get(self.key)
        return self._html

    def render(self) -> str:
        # The reader's CSRF token (an activity's player posts with it) is personal: the
        # shared body holds a placeholder, replaced for each reader on the way out.
        context = {**self.context, "csrf_token": CSRF_PLACEHOLDER}
        template = engines["django"].from_string(SHARED_BODY)
        return template.render(context, self.request)

    def __html__(self) -> str:
        if self.cached() is None:
            self._html = self.render()
            cache.set(self.key, self._html, timeout=SHARED_BODY_SECONDS)
        html = self._html
        if CSRF_PLACEHOLDER in html:  # only then: asking for a token marks the response
            html = html.replace(CSRF_PLACEHOLDER, get_token(self.request))
        # Rendered by our templates, autoescaped; the token is letters and digits.
        return mark_safe(html)  # noqa: S308

    __str__ = __html__


class StandardPage(PageLinksPrefetchMixin, Page):
    """A plain page: about, privacy notice, safety advice, self-care."""

    introduction = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two sentences under the title.")
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("body"))
    lists_support_contacts = models.BooleanField(
        _("list the support contacts"),
        default=False,
        help_text=_(
            "Show the helplines and organisations kept under Snippets, in this page's "
            "language, after the text. For the self-care page."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
        FieldPanel("lists_support_contacts"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.AutocompleteField("introduction"),
        index.SearchField("body"),
        index.AutocompleteField("body"),
    ]

    parent_page_types = ["booklets.HomePage"]
    subpage_types = []
    base_form_class = AsciiSlugPageForm

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.lists_support_contacts:
            context["support_contacts"] = list(SupportContact.objects.filter(locale=self.locale))
        return context
