"""Builds the demo curriculum: the glossary and activities first, then each booklet folder
of content/ through the importer editors use, published. Idempotent: what exists already
(perhaps edited since) is left alone, and only what is missing is made."""

import datetime
import json
import secrets
import tomllib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from accounts.roles import EDITORS, FACILITATORS, MODERATORS
from booklets.importer import BadImportFile, import_booklet, parse_page
from booklets.models import BookletPage, ModulePage, StandardPage, SupportContact
from booklets.services import site_structure_ensure
from curriculum.models import GlossaryTerm, H5PActivity
from curriculum.services import activity_from_package
from demo import h5p
from demo.glossary import GLOSSARY
from workshops import services as workshops
from workshops.models import Cohort, Membership, SeminarExercise

CONTENT = Path(__file__).parent / "content"
SOURCE, TARGET = "es", "en"
# What the import format leaves to the admin: the booklets' colours and edition year.
COLOURS = {1: "plum", 2: "indigo", 3: "teal", 4: "slate", 5: "wine", 6: "forest"}
DEMO_COHORT = "Grupo de estudio demo"
DEMO_ACCOUNTS = [
    # Editors write and submit; a moderator of their own reviews and publishes, so that
    # nobody approves their own work.
    ("demo-editor", "Editora demo", [EDITORS]),
    ("demo-moderator", "Moderadora demo", [MODERATORS]),
    ("demo-facilitator", "Facilitadora demo", [FACILITATORS]),
    ("demo-trainee", "Participante demo", []),
]
DEMO_ACTIVITY_KEYS = uuid.UUID("6f1c2d0e-58a4-4f4e-9a57-2b8e1f0c7d31")
# The home page's links for readers who need a moment, by the Spanish page's slug.
CARE_PAGES = {
    "safety_page": "consejos-de-seguridad",
    "self_care_page": "cuidate",
    "contact_page": "contacto",
}
# "Cuídate"'s helplines and organisations, Spanish then English. Real organisations only
# by their public web pages; no phone number is invented: an entry marked as an example
# is a placeholder an editor fills in with the help available where the site is used.
SUPPORT_CONTACTS = [
    {
        "name": ("Una línea de apoyo emocional cerca de ti", "An emotional support line near you"),
        "helps_with": (
            "Ejemplo: aquí va una línea que escuche y acompañe en crisis, con su teléfono y "
            "sus horarios.",
            "Example: a line that listens and accompanies in a crisis goes here, with its "
            "phone number and hours.",
        ),
        "is_example": True,
    },
    {
        "name": (
            "Una organización que acompañe a víctimas en tu región",
            "An organisation that accompanies victims in your region",
        ),
        "helps_with": (
            "Ejemplo: aquí va una organización de acompañamiento psicosocial o jurídico, con "
            "cómo contactarla y dónde trabaja.",
            "Example: an organisation offering psychosocial or legal accompaniment goes here, "
            "with how to reach it and where it works.",
        ),
        "is_example": True,
    },
    {
        "name": ("Front Line Defenders", "Front Line Defenders"),
        "helps_with": (
            "Apoyo urgente a personas defensoras de derechos humanos en riesgo.",
            "Urgent support for human rights defenders at risk.",
        ),
        "web_address": "https://www.frontlinedefenders.org/",
    },
    {
        "name": (
            "Access Now: línea de ayuda en seguridad digital",
            "Access Now Digital Security Helpline",
        ),
        "helps_with": (
            "Ayuda gratuita con la seguridad de tus cuentas, tu teléfono y tus comunicaciones.",
            "Free help with the security of your accounts, phone and communications.",
        ),
        "web_address": "https://www.accessnow.org/help/",
    },
    {
        "name": (
            "Comité Internacional de la Cruz Roja: Restablecimiento del Contacto entre Familiares",
            "International Committee of the Red Cross: Restoring Family Links",
        ),
        "helps_with": (
            "Búsqueda de familiares separados o desaparecidos.",
            "Searching for relatives who are separated or missing.",
        ),
        "web_address": "https://familylinks.icrc.org/",
    },
]


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    passwords: dict[str, str] = field(default_factory=dict)


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _glossary(locales, report: SeedReport) -> None:
    terms: dict[str, dict[str, GlossaryTerm]] = {SOURCE: {}, TARGET: {}}
    for key, (es_term, es_definition, en_term, en_definition, _related) in GLOSSARY.items():
        source = GlossaryTerm.objects.filter(locale=locales[SOURCE], term=es_term).first()
        if source is None:
            source = GlossaryTerm.objects.create(
                locale=locales[SOURCE], term=es_term, definition=es_definition
            )
            report.created.append(f"glossary term {es_term}")
        target = source.get_translation_or_none(locales[TARGET])
        if target is None:
            target = source.copy_for_translation(locales[TARGET])
            target.term, target.definition, target.slug = en_term, en_definition, ""
            target.save()
        terms[SOURCE][key], terms[TARGET][key] = source, target
    for key, (*_texts, related) in GLOSSARY.items():
        for language in (SOURCE, TARGET):
            term = terms[language][key]
            if not term.related_terms.exists():
                term.related_terms.set([terms[language][other] for other in related])


def _activities(locales, report: SeedReport) -> None:
    """Each activity of activities.toml missing, in both languages; the Markdown places
    them on pages."""
    for item in tomllib.loads((CONTENT / "activities.toml").read_text("utf-8"))["activity"]:
        build = getattr(h5p, f"{item['type']}_package")
        translation_key = uuid.uuid5(DEMO_ACTIVITY_KEYS, item["key"])
        # The title too: the first demo activity was made before keys were derived.
        if H5PActivity.objects.filter(
            Q(translation_key=translation_key)
            | Q(locale=locales[SOURCE], title=item[SOURCE]["title"])
        ).exists():
            continue
        source = None
        for language, locale in locales.items():
            fields = dict(item[language])
            title = fields.pop("title")
            activity = activity_from_package(
                title=title,
                data=build(title=title, language=language, **fields),
                locale=locale,
                translation_of=source,
            )
            if source is None:
                activity.translation_key = translation_key
                activity.save(update_fields=["translation_key"])
                source = activity
        report.created.append(f"demo activity {item['key']}")


def _booklets(homes, report: SeedReport) -> None:
    """Each booklet folder whose booklet is missing in its language, imported and
    published; a booklet already there is the editors' and stays as it is."""
    for language, home in homes.items():
        for folder in sorted((CONTENT / language).glob("[0-9]*")):
            number = int(folder.name.split("-")[0])
            if BookletPage.objects.child_of(home).filter(number=number).exists():
                continue
            result = import_booklet(folder, language)
            if result.warnings:
                raise BadImportFile("\n".join(result.warnings))
            booklet = BookletPage.objects.child_of(home).get(number=number)
            # Only a new booklet takes an edition year (BookletPage.save keeps it after).
            BookletPage.objects.filter(pk=booklet.pk).update(edition_year=2021)
            draft = booklet.get_latest_revision_as_object()
            draft.theme_colour = COLOURS[number]
            _publish(draft)
            for module in ModulePage.objects.child_of(booklet):
                module.get_latest_revision().publish()
            report.created.append(f"booklet {number} ({language})")


def _translate(page: Page, locale: Locale, **fields) -> Page:
    translation = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.draft_title = translation.title
    _publish(translation)
    # Changing the copied slug made Wagtail record a redirect from an address that was
    # never published; it would only clutter the editors' redirect list.
    Redirect.objects.filter(redirect_page=translation).delete()
    return translation


def _standard_pages(homes, report: SeedReport) -> None:
    keys, made = ("introduction", "translates", "support_contacts"), {}
    for language, home in homes.items():
        for path in sorted((CONTENT / language / "pages").glob("*.md")):
            parsed = parse_page(path, home.locale, keys, ("introduction",))
            key = parsed.meta.get("translates", parsed.slug)  # the Spanish page's slug
            if language == SOURCE:
                page = StandardPage.objects.child_of(home).filter(slug=key).first()
            else:
                page = made[SOURCE][key].get_translation_or_none(home.locale)
            if page is None:
                fields = {
                    "title": parsed.title,
                    "slug": parsed.slug,
                    "introduction": parsed.meta["introduction"],
                    "body": json.dumps(parsed.blocks),
                    "lists_support_contacts": parsed.meta.get("support_contacts") == "yes",
                }
                if language == SOURCE:
                    page = home.add_child(instance=StandardPage(show_in_menus=True, **fields))
                    _publish(page)
                else:
                    page = _translate(made[SOURCE][key], home.locale, **fields)
                report.created.append(f"page {parsed.slug}")
            made.setdefault(language, {})[key] = page.specific
    for language, home in homes.items():
        home.refresh_from_db()
        missing = {
            name: made[language][slug]
            for name, slug in CARE_PAGES.items()
            if getattr(home, f"{name}_id") is None and slug in made[language]
        }
        if missing:
            for name, page in missing.items():
                setattr(home, name, page)
            _publish(home)
            report.created.append(f"care links ({language})")


def _support_contacts(locales, report: SeedReport) -> None:
    if SupportContact.objects.exists():
        return
    for order, entry in enumerate(SUPPORT_CONTACTS):
        texts = {name: value for name, value in entry.items() if isinstance(value, tuple)}
        others = {name: value for name, value in entry.items() if not isinstance(value, tuple)}
        source = SupportContact.objects.create(
            locale=locales[SOURCE],
            sort_order=order,
            **{name: value[0] for name, value in texts.items()},
            **others,
        )
        translation = source.copy_for_translation(locales[TARGET])
        for name, value in texts.items():
            setattr(translation, name, value[1])
        translation.save()
    report.created.append(f"{len(SUPPORT_CONTACTS)} support contacts")


def _home_texts(homes, report: SeedReport) -> None:
    for language, home in homes.items():
        if home.introduction or home.for_trainees:
            continue
        keys = ("for_trainees", "for_facilitators")
        parsed = parse_page(CONTENT / language / "home.md", home.locale, keys, keys)
        home.introduction = "".join(b["value"] for b in parsed.blocks if b["type"] == "text")
        home.for_trainees = parsed.meta["for_trainees"]
        home.for_facilitators = parsed.meta["for_facilitators"]
        _publish(home)
        report.created.append(f"home page ({language})")


def _accounts(report: SeedReport) -> None:
    User = get_user_model()
    for username, display_name, group_names in DEMO_ACCOUNTS:
        if User.objects.filter(username=username).exists():
            continue
        password = secrets.token_urlsafe(12)
        user = User.objects.create_user(
            username=username, password=password, display_name=display_name
        )
        for name in group_names:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        report.passwords[username] = password
        report.created.append(f"account {username}")


def _demo_cohort(report: SeedReport) -> None:
    """A workshop group with the demo facilitator and trainee, two sessions, two
    exercises and an answer, so the workshop pages have something to show."""
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
    report.created.append("demo cohort")


@transaction.atomic
def seed_demo(*, with_accounts: bool = True) -> SeedReport:
    """Create whatever part of the demo curriculum is missing, in one transaction."""
    report = SeedReport()
    homes = site_structure_ensure()
    locales = {language: home.locale for language, home in homes.items()}
    _glossary(locales, report)
    _activities(locales, report)
    _home_texts(homes, report)
    _booklets(homes, report)
    _support_contacts(locales, report)
    _standard_pages(homes, report)
    if with_accounts:
        _accounts(report)
        _demo_cohort(report)
    return report
