"""'Download my data': everything Claves holds about a person, as one JSON document a
person can read: sections with plain titles, fields named in their language, module and
booklet titles instead of keys, dates as people say them, their own words as written.

The export walks every relation in the project that points at the user model, so that
a model added later is exported without anyone remembering to add it (under its own
verbose name, until someone gives it a friendlier title in SECTION_TITLES). A relation
is left out only when it is listed in OMITTED with the reason why; a test fails when a
relation is neither exported nor listed.

The document is written piece by piece (`user_data_export_chunks`): a heavy user's
export streams to the browser instead of being built in memory as one string.
"""

import datetime
import decimal
import json
import uuid
from collections.abc import Iterator

from django.apps import apps
from django.db import models
from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from accounts.services import user_relations

FORMAT = "claves-export-2"

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
    "wagtailcore.apitoken": {"key_hash"},
}

# Bookkeeping that means nothing to a reader: row numbers, tree positions, keys.
INTERNAL_FIELDS = {
    "id",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "content_type",
    "base_content_type",
    "for_content_type",
    "url_path",
    "alias_of",
    "page_ptr",
    "latest_revision",
    "live_revision",
    "draft_title",
    "latest_revision_created_at",
    "object_id",
    "parent_object_id",
    "uuid",
    "prompt_id",
    "statement_id",
    "package_digest",
    "file_hash",
}

# Keys that stand for a page or an activity: shown as its title in the reader's
# language. Named by label, as user_relations finds models, not by import.
TITLED_KEYS = {
    "module_key": "wagtailcore.Page",
    "booklet_key": "wagtailcore.Page",
    "activity_key": "curriculum.H5PActivity",
}

# The sections people look for, under the titles they would give them.
SECTION_TITLES = {
    ("accounts.usersession", "user"): gettext_lazy("Devices where you are signed in"),
    ("account.emailaddress", "user"): gettext_lazy("Your e-mail addresses"),
    ("mfa.authenticator", "user"): gettext_lazy("Your second step (authenticator app)"),
    ("curriculum.moduleprogress", "user"): gettext_lazy("Modules you studied"),
    ("curriculum.journalentry", "user"): gettext_lazy("Your journal"),
    ("curriculum.activityattempt", "user"): gettext_lazy("Your interactive activities"),
    ("curriculum.activitystatement", "user"): gettext_lazy(
        "What the interactive activities recorded"
    ),
    ("workshops.membership", "user"): gettext_lazy("Your groups"),
    ("workshops.attendance", "user"): gettext_lazy("Your attendance at sessions"),
    ("workshops.exerciseresponse", "author"): gettext_lazy("Your answers to exercises"),
    ("workshops.feedback", "author"): gettext_lazy("Feedback you gave"),
    ("workshops.invitation", "created_by"): gettext_lazy("Invitations you created"),
    ("wagtailcore.page", "owner"): gettext_lazy("Pages you created"),
    ("wagtailcore.page", "locked_by"): gettext_lazy("Pages you locked for editing"),
    ("wagtailcore.revision", "user"): gettext_lazy("Versions of pages you saved"),
}

# Related rows read along with each row, so a long section costs one query.
RELATED = {
    "workshops.attendance": ["session__cohort"],
    "workshops.exerciseresponse": ["exercise__cohort"],
    "workshops.feedback": ["response__exercise"],
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


def _omitted(model, field) -> bool:
    return (model._meta.label_lower, field.name) in OMITTED or (
        model._meta.label,
        field.name,
    ) in OMITTED


def _inherited(model, field) -> bool:
    """A field a model inherits from a concrete parent (a booklet page's `owner` is the
    page's): its rows are exported once, with the parent."""
    return field.model is not model and not field.model._meta.abstract


def exported_relations():
    for model, field in user_relations():
        if not _omitted(model, field) and not _inherited(model, field):
            yield model, field


def inherited_relations():
    for model, field in user_relations():
        if not _omitted(model, field) and _inherited(model, field):
            yield model, field


class Titles:
    """Titles of pages and activities by translation key, in the reader's language
    (another language when there is no translation), each kind read once."""

    def __init__(self, language: str):
        self.language = language
        self.loaded: dict[str, dict] = {}

    def of(self, label: str, key) -> str:
        if label not in self.loaded:
            model = Page if label == "wagtailcore.Page" else apps.get_model(label)
            rows = model.objects.values_list("translation_key", "locale__language_code", "title")
            titles: dict = {}
            # The reader's language last, so that it wins.
            for translation_key, _language, title in sorted(
                rows, key=lambda row: row[1] == self.language
            ):
                titles[translation_key] = title
            self.loaded[label] = titles
        return self.loaded[label].get(key, _("(no longer published)"))


def _date_text(value) -> str:
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "DATETIME_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


def _describe(instance) -> str:
    """A related row as a reader knows it: a session by its group and date."""
    starts_at = getattr(instance, "starts_at", None)
    if isinstance(starts_at, datetime.datetime):
        return f"{instance.cohort} · {_date_text(starts_at)}"
    return str(instance)


def _value(instance, field, titles: Titles):
    if field.is_relation:
        related = getattr(instance, field.name)
        return None if related is None else _describe(related)
    value = getattr(instance, field.attname)
    if value is None or value == "":
        return value
    if field.choices:
        return str(getattr(instance, f"get_{field.name}_display")())
    if field.name in TITLED_KEYS:
        return titles.of(TITLED_KEYS[field.name], value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.date):
        return _date_text(value)
    if isinstance(value, uuid.UUID | decimal.Decimal | datetime.time | datetime.timedelta):
        return str(value)
    if isinstance(value, models.fields.files.FieldFile):
        return value.name
    return value


def _shown_fields(model, user_field) -> list:
    hidden = INTERNAL_FIELDS | REDACTED_FIELDS.get(model._meta.label_lower, set())
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in hidden
        and field is not user_field
        and not (field.is_relation and field.related_model is user_field.related_model)
    ]


def _rows(model, field, user, titles: Titles) -> Iterator[dict]:
    fields = _shown_fields(model, field)
    labels = [capfirst(str(f.verbose_name)) for f in fields]
    related = [f.name for f in fields if f.is_relation and not f.many_to_many]
    related += RELATED.get(model._meta.label_lower, [])
    queryset = model._base_manager.filter(**{field.name: user}).order_by("pk")
    for instance in queryset.select_related(*related).iterator(chunk_size=200):
        yield {label: _value(instance, f, titles) for label, f in zip(labels, fields, strict=True)}


def section_title(model, field) -> str:
    known = SECTION_TITLES.get((model._meta.label_lower, field.name))
    if known:
        return str(known)
    return f"{capfirst(str(model._meta.verbose_name_plural))} ({field.verbose_name})"


def sections(*, user, language: str) -> Iterator[tuple[str, Iterator[dict]]]:
    """(title, rows) for each exported relation, rows read as they are written."""
    titles = Titles(language)
    for model, field in exported_relations():
        yield section_title(model, field), _rows(model, field, user, titles)


def _account(user) -> dict:
    account = {}
    for name in ACCOUNT_FIELDS:
        field = user._meta.get_field(name)
        account[capfirst(str(field.verbose_name))] = _value(user, field, None)
    account[_("Roles")] = sorted(user.groups.values_list("name", flat=True))
    return account


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def user_data_export_chunks(*, user, language: str) -> Iterator[str]:
    """The export as a JSON document in pieces of one row each, in `language` (the
    pieces are written after the view has returned, outside the request's language).
    Sections with nothing in them are left out: a person reads only what there is."""
    with translation.override(language):
        yield from _chunks(user=user, language=language)


def _chunks(*, user, language: str) -> Iterator[str]:
    now = timezone.now()
    about = _("Everything Claves keeps about you, as of %(date)s.") % {"date": _date_text(now)}
    yield (
        "{\n"
        f'  "format": {_dumps(FORMAT)},\n'
        f'  "exported_at": {_dumps(now.isoformat())},\n'
        f'  "about": {_dumps(about)},\n'
        f'  "account": {_dumps(_account(user))},\n'
        '  "sections": ['
    )
    first_section = True
    for title, rows in sections(user=user, language=language):
        first_row = next(rows, None)
        if first_row is None:
            continue
        yield ("" if first_section else ",") + f'\n    {{"title": {_dumps(title)}, "items": ['
        first_section = False
        yield f"\n      {_dumps(first_row)}"
        for row in rows:
            yield f",\n      {_dumps(row)}"
        yield "\n    ]}"
    yield "\n  ]\n}\n"
