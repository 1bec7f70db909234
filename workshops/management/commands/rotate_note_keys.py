from django.core.management.base import BaseCommand

from workshops.services import notes_rotate_keys


class Command(BaseCommand):
    help = (
        "Re-encrypt every facilitator note with the first key in FACILITATOR_NOTES_KEYS. "
        "Put the new key first, keep the old ones after it, run this, then drop the old keys."
    )

    def handle(self, *args, **options):
        count = notes_rotate_keys()
        self.stdout.write(self.style.SUCCESS(f"Re-encrypted {count} note(s) with the newest key."))
