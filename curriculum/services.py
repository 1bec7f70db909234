"""Writes for the curriculum app: progress and the private journal."""

import uuid

from django.db import IntegrityError, transaction

from curriculum.models import JournalEntry, ModuleProgress


def progress_mark_studied(
    *, user, module_key: uuid.UUID, booklet_key: uuid.UUID, edition: int
) -> ModuleProgress:
    """Record that `user` studied this module (in whatever language); idempotent."""
    try:
        with transaction.atomic():
            progress, _created = ModuleProgress.objects.get_or_create(
                user=user,
                module_key=module_key,
                edition=edition,
                defaults={"booklet_key": booklet_key},
            )
    except IntegrityError:  # the same click arrived twice at once
        progress = ModuleProgress.objects.get(user=user, module_key=module_key, edition=edition)
    return progress


def progress_unmark(*, user, module_key: uuid.UUID) -> int:
    deleted, _ = ModuleProgress.objects.filter(user=user, module_key=module_key).delete()
    return deleted


@transaction.atomic
def journal_entry_save(
    *,
    user,
    module_key: uuid.UUID,
    booklet_key: uuid.UUID,
    prompt_id: str,
    prompt: str,
    body: str,
) -> JournalEntry:
    """Create or update the author's entry for one reflection question."""
    entry, _created = JournalEntry.objects.select_for_update().get_or_create(
        user=user,
        module_key=module_key,
        prompt_id=prompt_id,
        defaults={"booklet_key": booklet_key, "prompt": prompt, "body": body},
    )
    if entry.body != body or entry.prompt != prompt:
        entry.body, entry.prompt = body, prompt
        entry.save(update_fields=["body", "prompt", "updated_at"])
    return entry


def journal_rotate_keys() -> int:
    """Re-encrypt every journal entry with the newest key (reading decrypts with any key
    of the ring, writing encrypts with the first); `updated_at` is left as it was.

    An entry saved meanwhile is skipped, not overwritten with what was read before: its
    save already used the newest key."""
    count = 0
    for entry in JournalEntry.objects.only("pk", "body", "updated_at").iterator():
        count += JournalEntry.objects.filter(pk=entry.pk, updated_at=entry.updated_at).update(
            body=entry.body
        )
    return count


MAX_STATEMENT_BYTES = 32 * 1024


class StatementRefused(Exception):
    pass


def _number(value):
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


@transaction.atomic
def activity_statement_record(*, user, activity_key: uuid.UUID, statement: dict):
    """Keep an xAPI statement once (by its id) and update the person's attempt from its
    result. Returns (attempt, created)."""
    from curriculum.models import ActivityAttempt, ActivityStatement

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
    _record, created = ActivityStatement.objects.get_or_create(
        user=user,
        statement_id=statement_id,
        defaults={"activity_key": activity_key, "verb": verb[:200], "statement": statement},
    )
    attempt, _new = ActivityAttempt.objects.select_for_update().get_or_create(
        user=user, activity_key=activity_key
    )
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
    from curriculum.models import ActivityAttempt

    ActivityAttempt.objects.update_or_create(
        user=user, activity_key=activity_key, defaults={"state": state}
    )


def activity_from_package(*, title: str, data: bytes, locale, translation_of=None):
    """Check, store and register a package as an activity (used by the demo content;
    editors upload through the admin form, which does the same)."""
    from curriculum.h5p import package_check, package_store
    from curriculum.models import H5PActivity

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
