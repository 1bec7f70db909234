"""Fixtures for the attacker's probes: an activity package on the activity origin, and a
cohort with everything a facilitator manages, each holding a secret that must not leak."""

import re
import uuid

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.translation import override

from tests.conftest import ACTIVITY_HOST  # noqa: F401 (the probes import it from here)


def signed_in_user_id(client):
    """The id of the person the client's session is signed in as, or None."""
    value = client.session.get(SESSION_KEY)
    return int(value) if value is not None else None


# ---- A world with secrets ----------------------------------------------------------------

# Text that only a staff member who used their second factor in this session may read.
SECRETS = {
    "module_note": "SECRETO-NOTA-DEL-MODULO",
    "cohort_note": "SECRETO-NOTA-DE-COHORTE",
    "response": "SECRETO-RESPUESTA",
    "feedback": "SECRETO-DEVOLUCION",
    "prompt": "SECRETO-CONSIGNA",
    "agenda": "SECRETO-AGENDA",
    "trainee": "Participante-Secreta",
}


class World:
    """A booklet whose module holds a facilitator note (in its live edition and in an
    earlier one), written by an editor; a cohort run by a facilitator, with a trainee,
    an invitation, a session, a facilitators-only exercise answered and given feedback,
    and a note about the trainee."""


def _publish(page, user=None):
    page.save_revision(user=user).publish()
    return type(page).objects.get(pk=page.pk)


def _start_next_edition(booklet):
    from booklets.selectors import edition_next_number
    from booklets.services import edition_start

    edition_start(booklet=booklet, number=edition_next_number(booklet=booklet), year=2026)
    return type(booklet).objects.get(pk=booklet.pk)


@pytest.fixture
def world(homes):
    import datetime

    from django.utils import timezone

    from booklets.models import ModulePage
    from tests.factories import (
        BookletPageFactory,
        ModulePageFactory,
        block,
        body,
        editor,
        facilitator,
        trainee,
    )
    from workshops import services
    from workshops.models import Membership, SeminarExercise

    w = World()
    w.editor = editor(username="editora")
    w.facilitator = facilitator(username="facilitadora")
    w.trainee = trainee(username="participante", display_name=SECRETS["trainee"])
    w.booklet = _publish(
        BookletPageFactory(parent=homes["es"], number=7, edition_number=1, edition_year=2020)
    )
    module = ModulePageFactory(
        parent=w.booklet,
        slug="con-nota",
        owner=w.editor,
        body=body(
            block("text", "<p>Texto para todas las personas.</p>"),
            block("facilitator_note", {"note": f"<p>{SECRETS['module_note']}.</p>"}),
        ),
    )
    module = _publish(module, user=w.editor)
    w.booklet = _start_next_edition(w.booklet)
    module.body = body(
        block("text", "<p>Texto nuevo para todas las personas.</p>"),
        block("facilitator_note", {"note": f"<p>{SECRETS['module_note']} (2).</p>"}),
    )
    w.module = _publish(module, user=w.editor)
    w.module = ModulePage.objects.get(pk=w.module.pk)

    w.cohort = services.cohort_create(
        facilitator=w.facilitator,
        name="Grupo Probado",
        language="es",
        booklet_keys=[w.booklet.translation_key],
        starts_on=timezone.localdate(),
    )
    Membership.objects.create(cohort=w.cohort, user=w.trainee)
    w.invitation = services.invitation_create(
        cohort=w.cohort, created_by=w.facilitator, valid_days=7, max_uses=5
    )
    w.session = services.session_save(
        cohort=w.cohort,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        duration_minutes=120,
        place="Casa de la colonia",
        call_link="",
        module_keys=[w.module.translation_key],
        agenda=[(SECRETS["agenda"], 15, "Círculo")],
    )
    w.exercise = services.exercise_create(
        cohort=w.cohort,
        title="Carta",
        prompt=SECRETS["prompt"],
        module_key=w.module.translation_key,
        due_at=None,
        visibility=SeminarExercise.Visibility.FACILITATORS,
        anonymous_to_peers=True,
    )
    w.response = services.response_save(
        exercise=w.exercise, author=w.trainee, body=SECRETS["response"], submit=True
    )
    w.feedback = services.feedback_give(
        response=w.response, author=w.facilitator, body=SECRETS["feedback"]
    )
    w.note = services.note_create(
        cohort=w.cohort,
        author=w.facilitator,
        about="participant",
        participant=w.trainee,
        text=SECRETS["cohort_note"],
    )
    return w


def leaked(content: bytes, world) -> list[str]:
    """The secrets of `world` (and its invitation code) found in `content`."""
    text = content.decode("utf-8", "replace")
    found = [name for name, secret in SECRETS.items() if secret in text]
    if world.invitation.code in text:
        found.append("invitation code")
    return found


# ---- Every URL of the site, with the world's ids in its parameters ------------------------

# Paths a walk must not follow: they end the session it walks with, or change the
# account's second factor (those pages are probed on their own).
NOT_WALKED = re.compile(
    r"^/(exit/|admin/logout/|(es|en)/accounts/(logout|delete|sessions/sign-out-everywhere|2fa)/)"
)


def _sample(name: str, kind: str, world) -> str:
    ids = {
        "cohort_id": world.cohort.pk,
        "exercise_id": world.exercise.pk,
        "session_id": world.session.pk,
        "note_id": world.note.pk,
        "invitation_id": world.invitation.pk,
        "page_id": world.module.pk,
        "pk": world.module.pk,
        "id": world.module.pk,
        "user_id": world.trainee.pk,
        "module_key": world.module.translation_key,
        "activity_key": uuid.uuid4(),
        "slug": world.module.slug,
        "number": 1,
    }
    if name in ids:
        return str(ids[name])
    return {"uuid": str(uuid.uuid4()), "path": "x/", "str": "x", "slug": "x"}.get(kind, "1")


def _fill(pattern, world) -> str | None:
    text = str(pattern)
    converters = getattr(pattern, "converters", None)
    if converters:
        for name, converter in converters.items():
            kind = type(converter).__name__.replace("Converter", "").lower()
            text = re.sub(rf"<(?:\w+:)?{name}>", _sample(name, kind, world), text)
        return text
    if not text.startswith("^"):
        return text
    if "(?:[\\w\\-]+/)*" in text:
        return None  # Wagtail's page catch-all: the page URLs are listed instead
    text = text.lstrip("^").rstrip("$").replace("\\", "")
    text = re.sub(r"\(\?P<(\w+)>[^)]*\)\)?", lambda m: _sample(m.group(1), "", world), text)
    text = re.sub(r"\([^)]*\)[*+?]?", "", text)
    return text


def _paths(world, resolver=None, prefix=""):
    for entry in (resolver or get_resolver()).url_patterns:
        filled = _fill(entry.pattern, world)
        if filled is None:
            continue
        if isinstance(entry, URLResolver):
            yield from _paths(world, entry, prefix + filled)
        elif isinstance(entry, URLPattern):
            yield "/" + (prefix + filled).lstrip("/")


def all_paths(world) -> list[str]:
    with override("es"):
        found = set(_paths(world))
    booklet = world.booklet.url
    found |= {
        "/es/",
        booklet,
        world.module.url,
        f"{booklet}print/",
        f"{booklet}edition/1/",
        f"{booklet}edition/1/{world.module.slug}/",
        f"{booklet}changes/1/",
        world.module.url.replace("/es/", "/en/", 1),
    }
    return sorted(found)
