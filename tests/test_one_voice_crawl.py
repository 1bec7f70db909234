"""One Spanish voice on every page a person can reach: no "usted" forms anywhere.

The crawl's world (a reading house, a demo-like group with a trainee and a facilitator)
and its list of known pages are built here; the browser crawl (tests/e2e/test_crawl.py)
walks the same pages. With the demo app installed the house is the demo curriculum, so
its texts are read too; without it (CLAVES_WITHOUT_DEMO) factories build a small one."""

import datetime
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from tests.factories import (
    BookletPageFactory,
    GlossaryTermFactory,
    ModulePageFactory,
    StandardPageFactory,
    block,
    body,
    facilitator,
    sign_in,
    trainee,
)

# How many pages the link-following part of a crawl visits, per person and language:
# enough to reach every kind of page from the home page, not every module of the series.
CRAWL_LIMIT = 40

# "Usted" forms as allauth, Wagtail and form libraries write them. Whole words only and
# no bare "su", "no tiene" or "su sesión": our texts use them of third persons ("la
# persona y su familia", "cuando no tiene base legal", a booklet's "su sesión").
USTED_FORMS = [
    r"usted(es)?",
    r"su cuenta",
    r"sus datos",
    r"su contraseña",
    r"su correo",
    r"su dirección",
    r"su nombre de usuario",
    r"su código",
    r"inicie",
    r"ingrese",
    r"introduzca",
    r"escanee",
    r"seleccione",
    r"confirme",
    r"verifique",
    r"revise",
    r"utilice",
    r"intente",
    r"tiene una cuenta",
    r"desea",
    r"haga clic",
    r"por favor",
    r"regístrese",
    r"olvidó",
    r"asegúrese",
    r"póngase en contacto",
    r"contáctenos",
    r"le enviaremos",
    r"le hemos enviado",
    r"hemos enviado a su",
]
USTED = re.compile(r"\b(" + "|".join(USTED_FORMS) + r")\b", re.IGNORECASE)

# Pages a crawl never follows into: leaving (quick exit, sign-out), files, the admin.
NOT_FOLLOWED = re.compile(
    r"^/(exit/|admin/|documents/|media/|static/|sw\.js)"
    r"|/accounts/logout/|/accounts/sessions/sign-out-everywhere/|\.(csv|ics|json|pdf)$"
    r"|/accounts/delete/|/accounts/my-data/download"
)


@dataclass
class CrawlWorld:
    """The people and the pages known by name, per person ("anonymous", "trainee",
    "facilitator") in Spanish; English paths are the same pages in English."""

    people: dict = field(default_factory=dict)
    known: dict[str, list[str]] = field(default_factory=dict)


def _reading_house(homes):
    """The booklets, modules, glossary and care pages the crawl reads."""
    from booklets.models import BookletPage, ModulePage

    if "demo" in settings.INSTALLED_APPS:
        # Imported here: without the demo app installed, no test may need it.
        from demo.seed import seed_demo

        seed_demo(with_accounts=False)
    else:
        es, en = homes["es"], homes["en"]
        booklet = BookletPageFactory(parent=es, title="Fortalecimiento de quienes acompañan")
        module = ModulePageFactory(
            parent=booklet,
            title="El cuidado colectivo",
            body=body(
                block("reflection_question", {"question": "¿Qué te sostiene?", "guidance": ""}),
            ),
        )
        GlossaryTermFactory(term="Trauma psicosocial")
        es.self_care_page = StandardPageFactory(parent=es, title="Cuídate", slug="cuidate")
        es.safety_page = StandardPageFactory(parent=es, title="Seguridad", slug="seguridad")
        es.save_revision().publish()
        english_booklet = booklet.copy_for_translation(en.locale)
        english_booklet.save_revision().publish()
        module.copy_for_translation(en.locale).save_revision().publish()
    booklet = BookletPage.objects.live().filter(locale__language_code="es").order_by("number")[0]
    return booklet, ModulePage.objects.live().child_of(booklet).order_by("path")


def crawl_world(homes) -> CrawlWorld:
    """A demo-like group: two booklets, a facilitator with a second factor, a trainee,
    two sessions, an exercise the trainee answered, a note and a journal entry."""
    from curriculum.services import journal_entry_save
    from workshops import services as workshops
    from workshops.models import Membership, SeminarExercise

    booklet, modules = _reading_house(homes)
    first_module = modules[0]
    person, guide = trainee(display_name="Ana"), facilitator(display_name="Rosa")
    cohort = workshops.cohort_create(
        facilitator=guide,
        name="Grupo de estudio",
        language="es",
        booklet_keys=[booklet.translation_key],
        starts_on=timezone.localdate(),
    )
    Membership.objects.create(cohort=cohort, user=person)
    workshops.invitation_create(cohort=cohort, created_by=guide, valid_days=30, max_uses=20)
    session = workshops.session_save(
        cohort=cohort,
        starts_at=timezone.now() + datetime.timedelta(days=7),
        duration_minutes=120,
        place="Salón de la casa comunitaria",
        call_link="",
        module_keys=[m.translation_key for m in modules[:2]],
        agenda=[("Apertura y respiración", 15, "Círculo"), ("Mapa de actores", 75, "Grupos")],
    )
    exercise = workshops.exercise_create(
        cohort=cohort,
        title="Mapa de actores de mi territorio",
        prompt="Dibuja el mapa de actores de tu territorio.",
        module_key=first_module.translation_key,
        due_at=timezone.now() + datetime.timedelta(days=14),
        visibility=SeminarExercise.Visibility.COHORT,
        anonymous_to_peers=True,
    )
    answer = workshops.response_save(
        exercise=exercise, author=person, body="La asamblea y la radio comunitaria.", submit=True
    )
    workshops.feedback_give(response=answer, author=guide, body="Gracias por compartirlo.")
    workshops.note_create(cohort=cohort, author=guide, about="cohort", text="Llegaron todas.")
    entry = journal_entry_save(
        user=person,
        module_key=first_module.translation_key,
        booklet_key=booklet.translation_key,
        prompt_id="q1",
        prompt="¿Qué te sostiene?",
        body="Mi familia y la asamblea.",
    )

    def url(name, **kwargs):
        with override("es"):
            return reverse(name, kwargs=kwargs)

    home = homes["es"]
    home.refresh_from_db()
    reading = [
        "/es/",
        booklet.url,
        first_module.url,
        modules.last().url,
        url("curriculum:glossary"),
        url("search:search") + "?q=miedo",
        url("booklets:offline_page"),
        *[page.url for page in (home.self_care_page, home.safety_page) if page],
    ]
    anonymous = [
        *reading,
        url("account_login"),
        url("account_signup"),
        url("account_reset_password"),
    ]
    signed_in = [
        *reading,
        url("accounts:profile"),
        url("accounts:sessions"),
        url("accounts:my_data"),
        url("accounts:delete"),
        url("account_change_password"),
        url("account_email"),
        url("mfa_index"),
        url("curriculum:journal"),
        url("curriculum:my_progress"),
        url("workshops:my_cohorts"),
        url("workshops:join"),
    ]
    in_cohort = {"cohort_id": cohort.pk}
    participating = [
        url("account_reauthenticate"),  # before a trainee's own set-up of a second factor
        url("curriculum:journal_entry", pk=entry.pk),
        url("workshops:cohort", **in_cohort),
        url("workshops:exercise", exercise_id=exercise.pk, **in_cohort),
    ]
    facilitating = [
        url("workshops:facilitator_home"),
        url("workshops:cohort_create"),
        url("workshops:dashboard", **in_cohort),
        url("workshops:notes", **in_cohort),
        url("workshops:session_create", **in_cohort),
        url("workshops:session_edit", session_id=session.pk, **in_cohort),
        url("workshops:attendance", session_id=session.pk, **in_cohort),
        url("workshops:session_kit", session_id=session.pk, **in_cohort),
        url("workshops:exercise_create", **in_cohort),
        url("workshops:exercise_responses", exercise_id=exercise.pk, **in_cohort),
    ]
    return CrawlWorld(
        people={"anonymous": None, "trainee": person, "facilitator": guide},
        known={
            "anonymous": anonymous,
            "trainee": [*signed_in, *participating],
            "facilitator": [*signed_in, *facilitating],
        },
    )


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def same_origin_links(html: str, base_path: str) -> list[str]:
    """The paths of a page's links that stay on the site and that a crawl may follow."""
    parser = _Links()
    parser.feed(html)
    paths = []
    for href in parser.hrefs:
        parts = urlsplit(urljoin("http://testserver" + base_path, href))
        if parts.netloc == "testserver" and not NOT_FOLLOWED.search(parts.path):
            paths.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def crawl(fetch, start: list[str], language: str, limit: int = CRAWL_LIMIT):
    """Breadth-first from the known pages and the home page of `language`: yields (path,
    html) for each page `fetch(path)` answers with HTML, never more than `limit` found by
    following links (the known pages all come first and are always visited)."""
    queue, seen, followed = list(start), set(start), 0
    while queue:
        path = queue.pop(0)
        html = fetch(path)
        if html is None:
            continue
        yield path, html
        for link in same_origin_links(html, path):
            if link in seen or not link.startswith(f"/{language}/") or followed >= limit:
                continue
            seen.add(link)
            queue.append(link)
            followed += 1


def client_fetch(client, problems, who):
    def fetch(path):
        response = client.get(path)
        if response.status_code in (301, 302):
            return None  # a page this person may not see sends them elsewhere
        if response.status_code != 200:
            problems.append(f"{who} {path}: {response.status_code}")
            return None
        if not response.get("Content-Type", "").startswith("text/html"):
            return None
        return response.content.decode()

    return fetch


def visible_text(html: str) -> str:
    """The page's words as a reader meets them: no scripts or styles; attributes a screen
    reader speaks (aria-label, title, alt, placeholder, value) kept."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    spoken = re.findall(r'\b(?:aria-label|title|alt|placeholder|value)="([^"]*)"', html)
    return " ".join([re.sub(r"<[^>]+>", " ", html), *spoken])


@pytest.mark.django_db
def test_every_spanish_page_speaks_with_tu(homes):
    world = crawl_world(homes)
    found, problems, visited = [], [], 0
    for who, person in world.people.items():
        client = Client()
        if person is not None:
            sign_in(client, person)
        fetch = client_fetch(client, problems, who)
        for path, html in crawl(fetch, ["/es/", *world.known[who]], "es"):
            visited += 1
            for match in USTED.finditer(visible_text(html)):
                found.append(
                    f"{who} {path}: …{match.string[max(0, match.start() - 40) : match.end() + 40]}…"
                )
    assert problems == [], problems
    assert visited >= 60
    assert found == [], "\n".join(found)


def test_the_usted_list_catches_allauth_and_spares_our_voice():
    assert USTED.search("¿Ya tiene una cuenta? Por favor inicie sesión.")
    assert USTED.search("Escanee el código QR")
    assert USTED.search("Ingrese su contraseña")
    for ours in (
        "¿Ya tienes una cuenta? Inicia sesión.",
        "La persona y su familia revisan sus recursos.",
        "Escanea el código QR",
        "Acompañar a quienes buscan a sus desaparecidos.",
        "Una detención es arbitraria cuando no tiene base legal.",
    ):
        assert not USTED.search(ours), ours
