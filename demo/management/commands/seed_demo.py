from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from booklets.services import translations_link_all_existing
from demo.seed import seed_demo


class Command(BaseCommand):
    help = (
        "Create the demo curriculum: six booklets in Spanish and English, imported from "
        "demo/content/ as editors import theirs, the glossary and demo accounts. Safe to "
        "run again: only what is missing is created."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-accounts", action="store_true", help="Do not create the demo accounts."
        )

    def handle(self, *args, **options):
        report = seed_demo(with_accounts=not options["no_accounts"])
        # The demo's English is written directly; linking it to the Spanish as
        # wagtail-localize translations gives every English page and term Sync.
        for refusal in translations_link_all_existing():
            self.stderr.write(refusal)
        if options["verbosity"] == 0 and not report.passwords:
            return
        if not report.created:
            self.stdout.write(_("The demo curriculum is already in place; nothing to do."))
            return
        self.stdout.write(
            self.style.SUCCESS(
                _("Demo curriculum ready: %(count)d things created.")
                % {"count": len(report.created)}
            )
        )
        if report.passwords:
            self.stdout.write(_("Demo accounts (passwords are shown only this once):"))
            for username, password in report.passwords.items():
                self.stdout.write(f"  {username}: {password}")
