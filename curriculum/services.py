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
