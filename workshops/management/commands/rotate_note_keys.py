from django.core.management.base import BaseCommand
from django.db import transaction

from curriculum.services import journal_rotate_keys
from workshops.services import notes_rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every facilitator note and journal entry with the first key in "
        "FACILITATOR_NOTES_KEYS, in one transaction. Put the new key first, keep the old "
        "ones after it, run this, then drop the old keys."
    )

    def handle(self, *args, **options):
        # All or nothing: if anything fails, every row keeps the key it had, and every
        # key is still in the ring, so nothing becomes unreadable.
        with transaction.atomic():
            notes = notes_rotate_keys()
            entries = journal_rotate_keys()
        self.stdout.write(
            self.style.SUCCESS(
                f"Re-encrypted {notes} note(s) and {entries} journal entry(ies) with the "
                "newest key."
            )
        )
