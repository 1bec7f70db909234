from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from booklets import services


class Command(BaseCommand):
    help = _("Load the demo curriculum in Spanish and English. Safe to run again.")

    def handle(self, *args, **options):
        with transaction.atomic():
            summary = services.demo_content_load()
        self.stdout.write(self.style.SUCCESS(summary))
