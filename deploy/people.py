"""Run by two-machines.sh through `manage.py shell`: the people and the page the probes
use, written as JSON to DEPLOY_PEOPLE for the probes."""

import json
import os
from pathlib import Path

from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page

from accounts.roles import EDITORS, MODERATORS
from booklets.models import StandardPage

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
Path(os.environ["DEPLOY_PEOPLE"]).write_text(
    json.dumps({"page_id": page.id, "page_path": page.url})
)
