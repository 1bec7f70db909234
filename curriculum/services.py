"""Writes for the curriculum app: progress and the private journal."""

import datetime
import json
import math
import time
import uuid

from django.core.cache import cache
from django.db import transaction
from django.utils.safestring import SafeString, mark_safe

from accounts.crypto import MISSING_KEY, UnreadableText
from curriculum.h5p import package_check, package_store
from curriculum.markdown import RENDERER_VERSION, render_markdown
from curriculum.models import (
    ActivityAttempt,
    ActivityStatement,
    H5PActivity,
    JournalEntry,
    ModuleProgress,
)


def progress_mark_studied(
    *, user, module_key: uuid.UUID, booklet_key: uuid.UUID, edition: int
) -> ModuleProgress:
    """Record that `user` studied this module (in whatever language); idempotent."""
    key = {"user": user, "module_key": module_key, "edition": edition}
    progress = ModuleProgress(**key, booklet_key=booklet_key)
    ModuleProgress.objects.bulk_create([progress], ignore_conflicts=True)  # a double click
    return ModuleProgress.objects.get(**key)


def progress_unmark(*, user, module_key: uuid.UUID) -> int:
    deleted, _ = ModuleProgress.objects.filter(user=user, module_key=module_key).delete()
    return deleted


class StaleTextError(Exception):
    """The text was saved elsewhere (another device or tab) after this page read it."""


def text_version(moment) -> int:
    """A saved text's version: its update time in whole microseconds (exact, unlike a
    float timestamp)."""
    return (moment - datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)) // datetime.timedelta(
        microseconds=1
    )


@transaction.atomic
def journal_entry_save(
    *,
    user,
    module_key: uuid.UUID,
    booklet_key: uuid.UUID,
    prompt_id: str,
    prompt: str,
    body: str,
    based_on_version: int | None = None,
) -> JournalEntry:
    """Create or update the author's entry for one reflection question; with
    `based_on_version`, only if nobody saved it since (else StaleTextError).

    The row is made first, empty, by an insert that cannot fail (ON CONFLICT DO NOTHING):
    two first saves at once (autosave and Save) never make the database log a failed
    statement carrying the text, as a get-then-insert would."""
    key = {"user": user, "module_key": module_key, "prompt_id": prompt_id}
    new = JournalEntry(**key, booklet_key=booklet_key, prompt=prompt)
    JournalEntry.objects.bulk_create([new], ignore_conflicts=True)
    entry = JournalEntry.objects.select_for_update().get(**key)
    if based_on_version is not None and text_version(entry.updated_at) != based_on_version:
        raise StaleTextError
    if isinstance(entry.body, UnreadableText):
        raise ValueError(MISSING_KEY)  # writing would replace, for good, what a key may open
    if entry.body != body or entry.prompt != prompt:
        entry.body, entry.prompt = body, prompt
        _render_body(entry)
        entry.save(update_fields=["body", "prompt", "updated_at", *RENDERED_FIELDS])
    return entry


RENDERED_FIELDS = ["body_html", "body_html_version"]


def _render_body(entry: JournalEntry) -> None:
    entry.body_html = str(render_markdown(entry.body))
    entry.body_html_version = RENDERER_VERSION


def journal_entry_html(entry: JournalEntry) -> SafeString:
    """The entry as shown: its stored HTML, or rendered again and stored if it was made
    by an older renderer (or before HTML was stored). An unreadable entry shows its
    message and is never written back."""
    if entry.body_html_version == RENDERER_VERSION and not isinstance(
        entry.body_html, UnreadableText
    ):
        return mark_safe(entry.body_html)  # noqa: S308 - sanitised by render_markdown at save
    if isinstance(entry.body, UnreadableText):
        return render_markdown(entry.body)
    _render_body(entry)
    # `updated_at` stays: the person did not change anything.
    JournalEntry.objects.filter(pk=entry.pk).update(
        body_html=entry.body_html, body_html_version=entry.body_html_version
    )
    return mark_safe(entry.body_html)  # noqa: S308 - sanitised by render_markdown just above


def journal_rotate_keys() -> int:
    """Re-encrypt every journal entry with the newest key (reading decrypts with any key
    of the ring, writing encrypts with the first); `updated_at` is left as it was.

    An entry saved meanwhile is skipped, not overwritten with what was read before: its
    save already used the newest key."""
    count = 0
    fields = ("pk", "body", "body_html", "updated_at")
    for entry in JournalEntry.objects.only(*fields).iterator():
        count += JournalEntry.objects.filter(pk=entry.pk, updated_at=entry.updated_at).update(
            body=entry.body, body_html=entry.body_html
        )
    return count


# Bounds on what the activity player may send. An H5P statement is a few kilobytes and
# a handful of levels deep; a saved state is one JSON string, larger for long activities.
MAX_STATEMENT_BYTES = 32 * 1024
MAX_STATE_BYTES = 64 * 1024
MAX_JSON_DEPTH = 20
# Statements a person may send in one clock hour. A question set sends a few per question
# (attempted, interacted, answered) and interactive content one per interaction, so a
# busy hour of real activities stays well under 600; a script is stopped at about 19 MB of
# statements an hour (600 x 32 KB) instead of filling the database.
STATEMENTS_PER_HOUR = 600


class StatementRefused(Exception):
    pass


def _refuse_constant(name: str):
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity, -Infinity


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999 parses as infinity
        raise ValueError("number out of range")
    return value


def _finite_int(text: str) -> int:
    value = int(text)
    float(value)  # OverflowError beyond what a double (the player's numbers) can hold
    return value


def _depth(value) -> int:
    """How many objects and arrays deep `value` goes (without recursion)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in children)
    return deepest


def xapi_json_parse(raw: bytes) -> dict:
    """The JSON object in `raw`, or StatementRefused: only an object, at most
    MAX_JSON_DEPTH deep, with finite numbers only (JSON has no NaN or Infinity, and
    neither can be stored in a JSON column)."""
    try:
        value = json.loads(
            raw,
            parse_constant=_refuse_constant,
            parse_float=_finite_float,
            parse_int=_finite_int,
        )
    except (ValueError, OverflowError, RecursionError) as error:
        # RecursionError: nesting deeper than the parser can follow.
        raise StatementRefused("not a JSON document we take") from error
    if not isinstance(value, dict):
        raise StatementRefused("not a JSON object")
    if _depth(value) > MAX_JSON_DEPTH:
        raise StatementRefused("nested too deeply")
    return value


def activity_statement_quota_take(*, user) -> int | None:
    """Count one statement for `user` in this clock hour. None while under
    STATEMENTS_PER_HOUR, else the seconds until the next hour.

    Django's cache, as allauth's rate limits use it (Redis in production, so every worker
    shares the count); a fixed window, so at most twice the cap across an hour's edge.
    allauth's own helper is tied to its account settings, hence this one."""
    now = int(time.time())
    key = f"curriculum:statements:{user.pk}:{now // 3600}"
    cache.add(key, 0, timeout=3600 + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=3600 + 60)
        count = 1
    if count > STATEMENTS_PER_HOUR:
        return 3600 - now % 3600
    return None


def _number(value):
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


@transaction.atomic
def activity_statement_record(*, user, activity_key: uuid.UUID, statement: dict):
    """Keep an xAPI statement once (by its id) and update the person's attempt from its
    result. Returns (attempt, created). `statement` comes from xapi_json_parse."""
    if not isinstance(statement, dict):
        raise StatementRefused("statement must be an object")
    try:
        statement_id = uuid.UUID(str(statement.get("id", "")))
    except ValueError as error:
        raise StatementRefused("statement id must be a UUID") from error
    verb = (
        statement.get("verb", {}).get("id", "") if isinstance(statement.get("verb"), dict) else ""
    )
    if not isinstance(verb, str) or not verb:
        raise StatementRefused("statement has no verb")
    # Inserts that cannot fail on a duplicate (a statement sent twice, two at once): a
    # failed INSERT would put the statement, answers included, into the database's log.
    # The attempt's lock makes "is this statement new?" a question one request at a time.
    attempt = ActivityAttempt(user=user, activity_key=activity_key)
    ActivityAttempt.objects.bulk_create([attempt], ignore_conflicts=True)
    attempt = ActivityAttempt.objects.select_for_update().get(user=user, activity_key=activity_key)
    created = not ActivityStatement.objects.filter(user=user, statement_id=statement_id).exists()
    if created:
        record = ActivityStatement(
            user=user,
            statement_id=statement_id,
            activity_key=activity_key,
            verb=verb[:200],
            statement=statement,
        )
        ActivityStatement.objects.bulk_create([record], ignore_conflicts=True)
    result = statement.get("result") if isinstance(statement.get("result"), dict) else None
    if created and result:
        score = result.get("score") if isinstance(result.get("score"), dict) else {}
        if score:
            attempt.score_raw = _number(score.get("raw"))
            attempt.score_min = _number(score.get("min"))
            attempt.score_max = _number(score.get("max"))
            attempt.score_scaled = _number(score.get("scaled"))
        if isinstance(result.get("completion"), bool):
            attempt.completed = attempt.completed or result["completion"]
        if isinstance(result.get("success"), bool):
            attempt.success = result["success"]
        attempt.save()
    return attempt, created


def activity_state_save(*, user, activity_key: uuid.UUID, state: str) -> None:
    """Keep the player's saved state (a JSON string of its own) to resume from."""
    if not isinstance(state, str):
        raise StatementRefused("the state must be text")
    ActivityAttempt.objects.bulk_create(  # one upsert: never a failed INSERT in the log
        [ActivityAttempt(user=user, activity_key=activity_key, state=state)],
        update_conflicts=True,
        unique_fields=["user", "activity_key"],
        update_fields=["state", "updated_at"],
    )


def activity_from_package(*, title: str, data: bytes, locale, translation_of=None):
    """Check, store and register a package as an activity (used by the demo content;
    editors upload through the admin form, which does the same)."""
    checked = package_check(data)
    package_store(checked)
    activity = H5PActivity(
        title=title,
        locale=locale,
        package_digest=checked.digest,
        main_library=checked.main_library,
    )
    if translation_of is not None:
        activity.translation_key = translation_of.translation_key
    activity.save()
    return activity
