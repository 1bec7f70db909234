import uuid
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from curriculum.autosave import (
    CHANGED_ELSEWHERE,
    form_not_saved_json,
    keeps_text,
    saved_reply,
    text_kept,
    wants_json,
)
from curriculum.forms import JournalEntryForm
from curriculum.markdown import render_markdown
from curriculum.models import ActivityAttempt, H5PActivity, JournalEntry, ModuleProgress
from curriculum.selectors import glossary_terms_for_locale, journal_entries_for
from curriculum.services import (
    MAX_STATE_BYTES,
    MAX_STATEMENT_BYTES,
    StaleTextError,
    StatementRefused,
    activity_state_save,
    activity_statement_quota_take,
    activity_statement_record,
    journal_entry_html,
    journal_entry_save,
    xapi_json_parse,
)


def glossary(request):
    """Every glossary term in the reader's language."""
    terms = glossary_terms_for_locale(locale=Locale.get_active())
    return TemplateResponse(request, "curriculum/glossary.html", {"terms": terms})


def _reflection_question(module_key: uuid.UUID, prompt_id: str):
    """The live page in the reader's language with that translation key, and the
    reflection question with that block id in its body (at any depth), or 404."""
    pages = Page.objects.live().filter(translation_key=module_key)
    page = pages.filter(locale=Locale.get_active()).first() or pages.first()
    if page is None:
        raise Http404
    page = page.specific
    body = getattr(page, "body", None)
    if body is None:
        raise Http404
    for question in _questions_in(body):
        if question[0] == prompt_id:
            return page, question[1]
    raise Http404


def _questions_in(stream):
    for child in stream:
        if child.block_type == "reflection_question":
            yield child.id, child.value["question"]
        elif child.block_type == "content_warning":
            yield from _questions_in(child.value["content"])


def _journal_save(request, form, context, **where):
    """Save a posted entry (`where`: its question) and answer as autosave expects."""
    if not form.is_valid():
        if wants_json(request):
            return form_not_saved_json(form)
        return TemplateResponse(request, "curriculum/journal_entry.html", context, status=400)
    try:
        entry = journal_entry_save(
            user=request.user,
            body=form.cleaned_data["body"],
            based_on_version=form.cleaned_data["version"],
            **where,
        )
    except StaleTextError:
        return text_kept(request, CHANGED_ELSEWHERE, status=409)
    url = reverse("curriculum:journal_entry", args=[entry.pk])
    return saved_reply(request, saved_at=entry.updated_at, url=url)


@sensitive_post_parameters("body")
@keeps_text
@login_required
def journal_write(request, module_key: uuid.UUID, prompt_id: str):
    """Answer a reflection question in one's journal; opens the existing entry if any."""
    page, question = _reflection_question(module_key, prompt_id)
    existing = JournalEntry.objects.filter(
        user=request.user, module_key=module_key, prompt_id=prompt_id
    ).first()
    if existing and request.method != "POST":
        return redirect("curriculum:journal_entry", existing.pk)
    form = JournalEntryForm(request.POST or None, instance=existing)
    context = {"form": form, "page": None, "module": page, "question": question, "entry": existing}
    if request.method == "POST":
        return _journal_save(
            request,
            form,
            context,
            module_key=module_key,
            booklet_key=page.get_parent().translation_key,
            prompt_id=prompt_id,
            prompt=question,
        )
    return TemplateResponse(request, "curriculum/journal_entry.html", context)


@sensitive_post_parameters("body")
@keeps_text
@login_required
def journal_entry(request, pk: int):
    """One's own entry; anybody else's is simply not there (404)."""
    entry = get_object_or_404(JournalEntry, pk=pk, user=request.user)
    form = JournalEntryForm(request.POST or None, instance=entry)
    module = (
        Page.objects.live()
        .filter(translation_key=entry.module_key, locale=Locale.get_active())
        .first()
    )
    context = {
        "form": form,
        "entry": entry,
        "question": entry.prompt,
        "module": module,
        "rendered": render_markdown(entry.body),
    }
    if request.method == "POST":
        return _journal_save(
            request,
            form,
            context,
            module_key=entry.module_key,
            booklet_key=entry.booklet_key,
            prompt_id=entry.prompt_id,
            prompt=entry.prompt,
        )
    return TemplateResponse(request, "curriculum/journal_entry.html", context)


JOURNAL_ENTRIES_PER_PAGE = 20


@login_required
def journal(request):
    """One's entries, newest first, a page at a time; on each page grouped by booklet and
    module, titled in one's language."""
    paginator = Paginator(journal_entries_for(user=request.user), JOURNAL_ENTRIES_PER_PAGE)
    entries = paginator.get_page(request.GET.get("page"))
    keys = {e.module_key for e in entries} | {e.booklet_key for e in entries}
    titles = dict(
        Page.objects.filter(translation_key__in=keys, locale=Locale.get_active()).values_list(
            "translation_key", "title"
        )
    )
    groups: dict = {}
    for entry in entries:
        entry.rendered = journal_entry_html(entry)
        booklet = titles.get(entry.booklet_key, _("A booklet no longer published"))
        module = titles.get(entry.module_key, _("A module no longer published"))
        groups.setdefault(booklet, {}).setdefault(module, []).append(entry)
    context = {"groups": groups, "entries": entries}
    return TemplateResponse(request, "curriculum/journal.html", context)


# ---- Interactive activities (H5P) -------------------------------------------------


def _for_the_player(view):
    """The player's endpoints: signed in, and the activity exists, said in JSON (a
    sign-in redirect means nothing to a script; LocaleMiddleware redirects a 404)."""

    @wraps(view)
    def wrapped(request, activity_key: uuid.UUID):
        if not request.user.is_authenticated:
            return JsonResponse({"error": _("Sign in to keep your results.")}, status=403)
        if not H5PActivity.objects.filter(translation_key=activity_key).exists():
            return JsonResponse({"error": _("There is no such activity.")}, status=404)
        return view(request, activity_key)

    return wrapped


def _json_object(request, *, max_bytes: int, too_large: str, invalid: str):
    """(the request body's JSON object, None), or (None, a JSON error response): too
    large is refused before the body is read, anything else xapi_json_parse refuses."""
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    try:
        if declared > max_bytes or len(request.body) > max_bytes:
            return None, JsonResponse({"error": too_large}, status=413)
    except RequestDataTooBig:  # beyond Django's own limit, before ours is checked
        return None, JsonResponse({"error": too_large}, status=413)
    try:
        return xapi_json_parse(request.body), None
    except StatementRefused:
        return None, JsonResponse({"error": invalid}, status=400)


@require_POST
@_for_the_player
def activity_statement(request, activity_key: uuid.UUID):
    """Receive an xAPI statement from the player (so many an hour)."""
    if retry_after := activity_statement_quota_take(user=request.user):
        response = JsonResponse(
            {"error": _("You sent too many results in a short time. Wait a while and try again.")},
            status=429,
        )
        response["Retry-After"] = str(retry_after)
        return response
    invalid = _("That is not a valid xAPI statement.")
    statement, refused = _json_object(
        request,
        max_bytes=MAX_STATEMENT_BYTES,
        too_large=_("The statement is too large."),
        invalid=invalid,
    )
    if refused:
        return refused
    try:
        _attempt, created = activity_statement_record(
            user=request.user, activity_key=activity_key, statement=statement
        )
    except StatementRefused:
        return JsonResponse({"error": invalid}, status=400)
    return JsonResponse({"recorded": created}, status=201 if created else 200)


@_for_the_player
def activity_state(request, activity_key: uuid.UUID):
    """The player's saved state, so a trainee continues where they left off."""
    if request.method == "POST":
        invalid = _("That is not a valid saved state.")
        data, refused = _json_object(
            request,
            max_bytes=MAX_STATE_BYTES,
            too_large=_("The saved state is too large."),
            invalid=invalid,
        )
        if refused:
            return refused
        # No "state" at all is refused, never taken for an empty one: that would erase
        # where the person had got to.
        try:
            activity_state_save(
                user=request.user, activity_key=activity_key, state=data.get("state")
            )
        except StatementRefused:
            return JsonResponse({"error": invalid}, status=400)
        return JsonResponse({"saved": True})
    attempt = ActivityAttempt.objects.filter(user=request.user, activity_key=activity_key).first()
    return JsonResponse({"state": attempt.state if attempt else ""})


@login_required
def my_progress(request):
    """What this person studied and how their activities went (formative scores)."""
    attempts = list(ActivityAttempt.objects.filter(user=request.user))
    locale = Locale.get_active()
    titles = {}
    for activity in H5PActivity.objects.filter(
        translation_key__in=[a.activity_key for a in attempts], live=True
    ).select_related("locale"):
        if activity.translation_key not in titles or activity.locale == locale:
            titles[activity.translation_key] = activity.title
    for attempt in attempts:
        attempt.title = titles.get(attempt.activity_key, _("An activity no longer published"))
    studied = ModuleProgress.objects.filter(user=request.user).count()
    return TemplateResponse(
        request, "curriculum/my_progress.html", {"attempts": attempts, "studied": studied}
    )
