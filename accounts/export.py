"""'Download my data': everything Claves holds about a person, as one JSON document.

The export is built by walking every relation in the project that points at the user
model, so that a model added later is exported without anyone remembering to add it.
A relation is left out only when it is listed in OMITTED with the reason why; a test
fails when a relation is neither exported nor listed.
"""

import datetime
import json

from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder

from accounts.services import user_relations

FORMAT = "claves-export-1"

# (model label, field name) -> why it is not in the person's export.
OMITTED: dict[tuple[str, str], str] = {
    ("workshops.facilitatornote", "participant"): (
        "Facilitators' private notes about a participant are never shown to participants."
    ),
    ("workshops.facilitatornote", "author"): (
        "A facilitator's notes are the cohort's private working record, kept encrypted for "
        "its facilitators; they are read in the cohort, not carried away in an export."
    ),
}

# Fields never written to an export, whoever asks: secrets, not information.
REDACTED_FIELDS: dict[str, set[str]] = {
    "accounts.user": {"password"},
    "accounts.usersession": {"session_key"},
    "mfa.authenticator": {"data"},
}

ACCOUNT_FIELDS = [
    "username",
    "display_name",
    "email",
    "preferred_language",
    "date_joined",
    "last_login",
    "is_active",
]


def relation_key(model, field) -> str:
    return f"{model._meta.label_lower}.{field.name}"


def exported_relations():
    for model, field in user_relations():
        if (model._meta.label_lower, field.name) in OMITTED or (
            model._meta.label,
            field.name,
        ) in OMITTED:
            continue
        yield model, field


def _rows(model, queryset) -> list[dict]:
    redacted = REDACTED_FIELDS.get(model._meta.label_lower, set())
    rows = []
    for item in serializers.serialize("python", queryset):
        fields = {k: v for k, v in item["fields"].items() if k not in redacted}
        rows.append({"id": item["pk"], **fields})
    return rows


def user_data_export(*, user) -> dict:
    """Everything about `user`, ready for json.dumps(cls=DjangoJSONEncoder)."""
    records = {}
    for model, field in exported_relations():
        queryset = model._base_manager.filter(**{field.name: user}).order_by("pk")
        records[relation_key(model, field)] = _rows(model, queryset)
    return {
        "format": FORMAT,
        "exported_at": datetime.datetime.now(datetime.UTC).isoformat(),
        "account": {name: getattr(user, name) for name in ACCOUNT_FIELDS},
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "records": records,
    }


def user_data_export_json(*, user) -> str:
    return json.dumps(
        user_data_export(user=user), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    )
