"""Builds the demo curriculum from `series.py` and `glossary.py`. Idempotent: what
exists already (perhaps edited since) is left alone, and only what is missing is made."""

import io
import json
import math
import secrets
import uuid
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Q
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from accounts.roles import EDITORS, FACILITATORS, MODERATORS
from booklets.demo.glossary import GLOSSARY
from booklets.demo.series import BOOKLETS, HOME, STANDARD_PAGES
from booklets.models import BookletPage, ModulePage, StandardPage
from booklets.services import site_structure_ensure
from curriculum import h5p_demo
from curriculum.models import GlossaryTerm, H5PActivity
from curriculum.services import activity_from_package

SOURCE, TARGET = "es", "en"
DEMO_IMAGE_TITLE = "Claves demo: circle of chairs"
DEMO_COHORT = "Grupo de estudio demo"
DEMO_ACCOUNTS = [
    # username, display name, groups, superuser
    # Editors write and submit; a moderator of their own reviews and publishes, so that
    # nobody approves their own work.
    ("demo-editor", "Editora demo", [EDITORS], False),
    ("demo-moderator", "Moderadora demo", [MODERATORS], False),
    ("demo-facilitator", "Facilitadora demo", [FACILITATORS], False),
    ("demo-trainee", "Participante demo", [], False),
]


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    passwords: dict[str, str] = field(default_factory=dict)

    def add(self, what: str) -> None:
        self.created.append(what)


def _block(block_type: str, value) -> dict:
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def stream_data(blocks: list[tuple], terms: dict[str, GlossaryTerm], image_id: int) -> list:
    """Turn the compact tuples of series.py into StreamField raw data."""
    data = []
    for kind, *args in blocks:
        if kind == "text":
            data.append(_block("text", args[0]))
        elif kind == "concept":
            key, note = args
            data.append(_block("key_concept", {"term": terms[key].pk, "in_this_module": note}))
        elif kind == "case":
            title, narrative, notice = args
            data.append(
                _block(
                    "case_example",
                    {"title": title, "narrative": narrative, "what_to_notice": notice},
                )
            )
        elif kind == "tool":
            name, purpose, steps, minutes, materials = args
            data.append(
                _block(
                    "tool",
                    {
                        "name": name,
                        "purpose": purpose,
                        "steps": steps,
                        "duration_minutes": minutes,
                        "materials": materials,
                    },
                )
            )
        elif kind == "question":
            question, guidance = args
            data.append(_block("reflection_question", {"question": question, "guidance": guidance}))
        elif kind == "quote":
            words, attribution = args
            data.append(_block("quote", {"quote": words, "attribution": attribution}))
        elif kind == "pause":
            title, instructions, seconds = args
            data.append(
                _block("pause", {"title": title, "instructions": instructions, "seconds": seconds})
            )
        elif kind == "warning":
            warning, inner = args
            data.append(
                _block(
                    "content_warning",
                    {"warning": warning, "content": stream_data(inner, terms, image_id)},
                )
            )
        elif kind == "facilitator":
            data.append(_block("facilitator_note", {"note": args[0]}))
        elif kind == "image":
            alt_text, caption = args
            data.append(
                _block("image", {"image": image_id, "alt_text": alt_text, "caption": caption})
            )
        elif kind == "source":
            author, title, year, publisher = args
            data.append(
                _block(
                    "source_reference",
                    {
                        "author": author,
                        "title": title,
                        "year": year,
                        "publisher": publisher,
                        "address": "",
                    },
                )
            )
        else:
            raise ValueError(f"unknown demo block {kind!r}")
    return data


def _demo_image(report: SeedReport) -> int:
    Image = get_image_model()
    existing = Image.objects.filter(title=DEMO_IMAGE_TITLE).first()
    if existing:
        return existing.pk
    # Drawn here rather than shipped: a small abstract picture of chairs in a circle.
    canvas = PILImage.new("RGB", (800, 450), "#f3f0ea")
    draw = ImageDraw.Draw(canvas)
    for index in range(10):
        angle = 2 * math.pi * index / 10
        x, y = 400 + 170 * math.cos(angle), 225 + 140 * math.sin(angle)
        draw.rounded_rectangle((x - 22, y - 22, x + 22, y + 22), radius=8, fill="#7a2e4a")
    draw.ellipse((360, 185, 440, 265), outline="#0f5e63", width=6)
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    image = Image(title=DEMO_IMAGE_TITLE)
    image.file = ImageFile(buffer, name="claves-demo-circle.png")
    image.save()
    report.add("demo image")
    return image.pk


def _glossary(report: SeedReport) -> dict[str, dict[str, GlossaryTerm]]:
    source_locale = Locale.objects.get(language_code=SOURCE)
    target_locale = Locale.objects.get(language_code=TARGET)
    terms: dict[str, dict[str, GlossaryTerm]] = {SOURCE: {}, TARGET: {}}
    for key, (es_term, es_definition, en_term, en_definition, _related) in GLOSSARY.items():
        source = GlossaryTerm.objects.filter(locale=source_locale, term=es_term).first()
        if source is None:
            source = GlossaryTerm.objects.create(
                locale=source_locale, term=es_term, definition=es_definition
            )
            report.add(f"glossary term {es_term}")
        target = source.get_translation_or_none(target_locale)
        if target is None:
            target = source.copy_for_translation(target_locale)
            target.term, target.definition, target.slug = en_term, en_definition, ""
            target.save()
        terms[SOURCE][key], terms[TARGET][key] = source, target
    for key, (*_texts, related) in GLOSSARY.items():
        for language in (SOURCE, TARGET):
            term = terms[language][key]
            if not term.related_terms.exists():
                term.related_terms.set([terms[language][other] for other in related])
    return terms


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _translate(page: Page, locale: Locale, **fields) -> Page:
    translation = page.get_translation_or_none(locale)
    if translation is not None:
        return translation.specific
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    if "title" in fields:
        translation.draft_title = fields["title"]
    _publish(translation)
    # Changing the copied slug made Wagtail record a redirect from an address that was
    # never published; it would only clutter the editors' redirect list.
    Redirect.objects.filter(redirect_page=translation).delete()
    return translation


def _module_fields(module: dict, language: str, terms, image_id) -> dict:
    return {
        "title": module["title"][language],
        "slug": module["slug"][language],
        "kind": module["kind"],
        "estimated_minutes": module["minutes"],
        "sensitivity": module.get("sensitivity", "general"),
        "learning_objectives": module["objectives"][language],
        "body": json.dumps(stream_data(module["body"][language], terms[language], image_id)),
    }


def _booklets(homes, terms, image_id, report: SeedReport) -> None:
    target_locale = homes[TARGET].locale
    for spec in BOOKLETS:
        booklet = BookletPage.objects.child_of(homes[SOURCE]).filter(number=spec["number"]).first()
        if booklet is None:
            booklet = homes[SOURCE].add_child(
                instance=BookletPage(
                    title=spec["title"][SOURCE],
                    slug=spec["slug"][SOURCE],
                    number=spec["number"],
                    summary=spec["summary"][SOURCE],
                    theme_colour=spec["colour"],
                    edition_number=2,
                    edition_year=2021,
                )
            )
            _publish(booklet)
            report.add(f"booklet {spec['number']}")
        translated_booklet = _translate(
            booklet,
            target_locale,
            title=spec["title"][TARGET],
            slug=spec["slug"][TARGET],
            summary=spec["summary"][TARGET],
        )
        for module in spec["modules"]:
            source_module = (
                ModulePage.objects.child_of(booklet).filter(slug=module["slug"][SOURCE]).first()
            )
            if source_module is None:
                source_module = booklet.add_child(
                    instance=ModulePage(**_module_fields(module, SOURCE, terms, image_id))
                )
                _publish(source_module)
                report.add(f"module {spec['number']}/{module['kind']}")
            if source_module.get_translation_or_none(target_locale) is None:
                _translate(
                    source_module, target_locale, **_module_fields(module, TARGET, terms, image_id)
                )
        del translated_booklet


CARE_PAGES = {"safety_page": "consejos-de-seguridad", "self_care_page": "cuidate"}


def _standard_pages(homes, terms, image_id, report: SeedReport) -> None:
    target_locale = homes[TARGET].locale
    made = {}
    for spec in STANDARD_PAGES:
        page = (
            StandardPage.objects.child_of(homes[SOURCE]).filter(slug=spec["slug"][SOURCE]).first()
        )
        if page is None:
            page = homes[SOURCE].add_child(
                instance=StandardPage(
                    title=spec["title"][SOURCE],
                    slug=spec["slug"][SOURCE],
                    introduction=spec["introduction"][SOURCE],
                    body=json.dumps(stream_data(spec["body"][SOURCE], terms[SOURCE], image_id)),
                    show_in_menus=True,
                )
            )
            _publish(page)
            report.add(f"page {spec['slug'][SOURCE]}")
        made[spec["slug"][SOURCE]] = {
            SOURCE: page,
            TARGET: _translate(
                page,
                target_locale,
                title=spec["title"][TARGET],
                slug=spec["slug"][TARGET],
                introduction=spec["introduction"][TARGET],
                body=json.dumps(stream_data(spec["body"][TARGET], terms[TARGET], image_id)),
            ),
        }
    # Every booklet and module links these two pages for readers who need a moment.
    for language, home in homes.items():
        home.refresh_from_db()
        missing = {
            field: made[slug][language]
            for field, slug in CARE_PAGES.items()
            if getattr(home, f"{field}_id") is None and slug in made
        }
        if missing:
            for field, page in missing.items():
                setattr(home, field, page)
            _publish(home)
            report.add(f"care links ({language})")


def _home_texts(homes, report: SeedReport) -> None:
    from booklets.demo import HOME_INTRODUCTIONS

    for language, home in homes.items():
        if home.introduction or home.for_trainees:
            continue
        home.introduction = HOME_INTRODUCTIONS[language]
        home.for_trainees = HOME["for_trainees"][language]
        home.for_facilitators = HOME["for_facilitators"][language]
        _publish(home)
        report.add(f"home page ({language})")


def _accounts(report: SeedReport) -> None:
    User = get_user_model()
    for username, display_name, group_names, is_superuser in DEMO_ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username,
            password=password,
            display_name=display_name,
            is_superuser=is_superuser,
        )
        for name in group_names:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        report.passwords[username] = password
        report.add(f"account {username}")


def _demo_cohort(report: SeedReport) -> None:
    """A workshop group with the demo facilitator and trainee, two sessions, two
    exercises and an answer, so the workshop pages have something to show."""
    import datetime

    from django.utils import timezone

    from workshops import services as workshops
    from workshops.models import Cohort, Membership, SeminarExercise

    User = get_user_model()
    facilitator = User.objects.filter(username="demo-facilitator").first()
    trainee = User.objects.filter(username="demo-trainee").first()
    if facilitator is None or trainee is None or Cohort.objects.filter(name=DEMO_COHORT).exists():
        return
    booklets = BookletPage.objects.filter(locale__language_code=SOURCE, number__in=[1, 2])
    cohort = workshops.cohort_create(
        facilitator=facilitator,
        name=DEMO_COHORT,
        language=SOURCE,
        booklet_keys=[b.translation_key for b in booklets],
        starts_on=timezone.localdate(),
    )
    Membership.objects.create(cohort=cohort, user=trainee)
    workshops.invitation_create(cohort=cohort, created_by=facilitator, valid_days=30, max_uses=20)
    first_modules = [
        m.translation_key
        for m in ModulePage.objects.filter(locale__language_code=SOURCE).order_by("path")[:2]
    ]
    for days, place, plan in [
        (
            7,
            "Salón de la casa comunitaria",
            [
                ("Apertura y respiración", 15, "Círculo"),
                ("Conceptos: el miedo como estrategia", 60, "Diálogo"),
                ("Mapa de actores", 75, "Trabajo en grupos"),
                ("Cierre y cuidado", 30, "Ronda"),
            ],
        ),
        (
            21,
            "En línea",
            [
                ("Apertura", 10, "Ronda"),
                ("Caso y análisis", 90, "Lectura en parejas"),
                ("Cierre", 20, "Respiración"),
            ],
        ),
    ]:
        workshops.session_save(
            cohort=cohort,
            starts_at=timezone.now() + datetime.timedelta(days=days),
            duration_minutes=sum(minutes for _t, minutes, _m in plan),
            place=place,
            call_link="",
            module_keys=first_modules,
            agenda=plan,
        )
    mapping = workshops.exercise_create(
        cohort=cohort,
        title="Mapa de actores de mi territorio",
        prompt="Dibuja el mapa de actores de tu territorio y escribe **qué cambió** en el último año.",
        module_key=first_modules[-1] if first_modules else None,
        due_at=timezone.now() + datetime.timedelta(days=14),
        visibility=SeminarExercise.Visibility.COHORT,
        anonymous_to_peers=True,
    )
    workshops.exercise_create(
        cohort=cohort,
        title="Carta sobre el miedo",
        prompt="Escribe una carta breve a tu miedo: qué te protege y qué te quita.",
        module_key=first_modules[0] if first_modules else None,
        due_at=timezone.now() + datetime.timedelta(days=21),
        visibility=SeminarExercise.Visibility.FACILITATORS,
        anonymous_to_peers=True,
    )
    workshops.response_save(
        exercise=mapping,
        author=trainee,
        body="En el mapa aparecen la asamblea, la radio comunitaria y una empresa minera.",
        submit=True,
    )
    report.add("demo cohort")


# Interactive activities, in our own H5P content types (curriculum.h5p_demo): a stable
# key (its translation key derives from it, so seeding again finds it even renamed),
# the booklet whose tools module ends with it, the content type, and each language's
# title, lead (the block's introduction, on the page) and content.
DEMO_ACTIVITY_KEYS = uuid.UUID("6f1c2d0e-58a4-4f4e-9a57-2b8e1f0c7d31")
DEMO_ACTIVITIES = [
    (
        "wound",
        1,
        h5p_demo.question_package,
        {
            "es": {
                "title": "¿Dónde está la herida?",
                "question": "¿Dónde está la herida del trauma psicosocial?",
                "answers": [
                    ("Solo en la persona que sufrió la violencia", False),
                    ("En las relaciones de una comunidad y una sociedad", True),
                    ("En ningún lado: el miedo pasa solo", False),
                ],
            },
            "en": {
                "title": "Where is the wound?",
                "question": "Where does the wound of psychosocial trauma lie?",
                "answers": [
                    ("Only in the person who suffered the violence", False),
                    ("In the relationships of a community and a society", True),
                    ("Nowhere: fear goes away by itself", False),
                ],
            },
        },
    ),
    (
        "fear-is-not-weakness",
        1,
        h5p_demo.true_false_package,
        {
            "es": {
                "title": "¿El miedo es debilidad?",
                "lead": "Una afirmación: ¿verdadera o falsa?",
                "statement": "Sentir miedo ante amenazas reales muestra que una persona es débil.",
                "correct": False,
            },
            "en": {
                "title": "Is fear weakness?",
                "lead": "One statement: true or false?",
                "statement": "Feeling afraid of real threats shows that a person is weak.",
                "correct": False,
            },
        },
    ),
    (
        "facing-fear-together",
        1,
        h5p_demo.multi_choice_package,
        {
            "es": {
                "title": "Afrontar el miedo en colectivo",
                "lead": "Puede haber más de una respuesta correcta.",
                "question": "¿Qué ayuda a un grupo a afrontar el miedo sin que lo paralice?",
                "answers": [
                    ("Nombrar en voz alta lo que nos da miedo", True),
                    ("Acordar juntas medidas de cuidado y seguridad", True),
                    ("Dejar de hablar del tema para no alarmar a nadie", False),
                    ("Apoyarse en redes de confianza", True),
                ],
            },
            "en": {
                "title": "Facing fear together",
                "lead": "There may be more than one right answer.",
                "question": "What helps a group face fear without being paralysed by it?",
                "answers": [
                    ("Saying out loud what frightens us", True),
                    ("Agreeing together on care and safety measures", True),
                    ("No longer talking about it so as not to alarm anyone", False),
                    ("Leaning on networks of trust", True),
                ],
            },
        },
    ),
    (
        "accompanying-the-search",
        2,
        h5p_demo.blanks_package,
        {
            "es": {
                "title": "Acompañar a las familias que buscan",
                "introduction": "Escribe la palabra que falta en cada espacio.",
                "text": (
                    "La desaparición forzada deja a las familias en una *incertidumbre* "
                    "que no termina mientras no se conozca el *paradero* de la persona.\n"
                    "Acompañar no es decir qué sentir: es *escuchar* y sostener la "
                    "*búsqueda* en colectivo."
                ),
            },
            "en": {
                "title": "Accompanying the families who search",
                "introduction": "Write the missing word in each blank.",
                "text": (
                    "Forced disappearance leaves families in an *uncertainty* that does "
                    "not end until the *whereabouts* of the person are known.\n"
                    "Accompanying is not telling people what to feel: it is *listening* "
                    "and carrying the *search* together."
                ),
            },
        },
    ),
    (
        "caring-for-those-who-accompany",
        6,
        h5p_demo.true_false_package,
        {
            "es": {
                "title": "Cuidar a quien acompaña",
                "lead": "Una afirmación: ¿verdadera o falsa?",
                "statement": (
                    "Cuidarse es un lujo que quienes acompañan a víctimas no pueden darse."
                ),
                "correct": False,
            },
            "en": {
                "title": "Caring for those who accompany",
                "lead": "One statement: true or false?",
                "statement": "Caring for yourself is a luxury that those who accompany victims cannot afford.",
                "correct": False,
            },
        },
    ),
]


def _demo_activities(report: SeedReport) -> None:
    """Each demo activity missing, in both languages, at the end of its booklet's tools
    module in each language."""
    locales = {code: Locale.objects.get(language_code=code) for code in (SOURCE, TARGET)}
    for key, booklet_number, build, versions in DEMO_ACTIVITIES:
        translation_key = uuid.uuid5(DEMO_ACTIVITY_KEYS, key)
        # The title too: the first demo activity was made before keys were derived.
        if H5PActivity.objects.filter(
            Q(translation_key=translation_key)
            | Q(locale=locales[SOURCE], title=versions[SOURCE]["title"])
        ).exists():
            continue
        booklet = BookletPage.objects.filter(locale=locales[SOURCE], number=booklet_number).first()
        if booklet is None:
            continue
        tools = ModulePage.objects.child_of(booklet).filter(kind="tools").first()
        if tools is None:
            continue
        activities = {}
        for language, locale in locales.items():
            module = tools if language == SOURCE else tools.get_translation_or_none(locale)
            if module is None:
                continue
            fields = dict(versions[language])
            title = fields.pop("title")
            lead = fields.pop("lead", "")
            activity = activity_from_package(
                title=title,
                data=build(title=title, language=language, **fields),
                locale=locale,
                translation_of=activities.get(SOURCE),
            )
            if language == SOURCE:
                activity.translation_key = translation_key
                activity.save(update_fields=["translation_key"])
            activities[language] = activity
            module = module.specific
            data = list(module.body.raw_data)
            data.append(
                _block(
                    "interactive_activity",
                    {"activity": activity.pk, "introduction": lead},
                )
            )
            module.body = json.dumps(data)
            _publish(module)
        report.add(f"demo activity {key}")


@transaction.atomic
def seed_demo(*, with_accounts: bool = True) -> SeedReport:
    """Create whatever part of the demo curriculum is missing, in one transaction."""
    report = SeedReport()
    homes = site_structure_ensure()
    image_id = _demo_image(report)
    terms = _glossary(report)
    _home_texts(homes, report)
    _booklets(homes, terms, image_id, report)
    _standard_pages(homes, terms, image_id, report)
    _demo_activities(report)
    if with_accounts:
        _accounts(report)
        _demo_cohort(report)
    return report
