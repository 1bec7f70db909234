"""Run by two-machines.sh through `manage.py shell`: the people, the page and the activity
package the probes use, written as JSON to DEPLOY_PEOPLE for the probes."""

import json
import os
from pathlib import Path

from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from accounts.roles import EDITORS, MODERATORS
from booklets.models import StandardPage
from curriculum.h5p import package_check
from demo.h5p import question_package

User = get_user_model()
password = os.environ["DEPLOY_PASSWORD"]
User.objects.create_user("deploy-trainee", password=password)
User.objects.create_user("deploy-locked", password=password)
editor = User.objects.create_user("deploy-editor", password=password)
editor.groups.add(*Group.objects.filter(name__in=[EDITORS, MODERATORS]))
TOTP.activate(editor, os.environ["DEPLOY_TOTP_SECRET"])
home = Page.objects.get(depth=2, locale__language_code="es")
page = home.add_child(instance=StandardPage(title="Sonda", slug="sonda", body=[]))
page.save_revision().publish()
activity = question_package(title="Sonda", question="¿Sí?", answers=[("Sí", True), ("No", False)])
people = Path(os.environ["DEPLOY_PEOPLE"])
people.with_suffix(".h5p").write_bytes(activity)
people.write_text(
    json.dumps(
        {
            "page_id": page.id,
            "page_path": page.url,
            "activity": str(people.with_suffix(".h5p")),
            "activity_digest": package_check(activity).digest,
        }
    )
)
