"""Workshop pages. Views stay thin: access decides who sees what (workshops.access),
services write, selectors read."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import model_to_dict
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from accounts import roles
from accounts.decorators import facilitator_required
from booklets.models import BookletPage
from booklets.selectors import facilitator_guides
from curriculum.autosave import form_not_saved_json, keeps_text, saved_reply, wants_json
from curriculum.markdown import render_markdown
from curriculum.richtext import rendered_with_page_links
from workshops import access, selectors, services
from workshops.calendar import sessions_as_ics
from workshops.exports import csv_response
from workshops.forms import (
    AgendaFormSet,
    CohortForm,
    ExerciseForm,
    FeedbackForm,
    InvitationForm,
    JoinForm,
    NoteForm,
    ResponseForm,
    SessionForm,
)
from workshops.models import (
    ExerciseResponse,
    FacilitatorNote,
    Invitation,
    Membership,
    SeminarExercise,
)


def _manage_url(cohort) -> str:
    return reverse("workshops:dashboard", args=[cohort.pk])


# ---- Everyone in a cohort ----------------------------------------------------------


@login_required
def my_cohorts(request):
    memberships = list(selectors.memberships_of(user=request.user))
    # The cohorts a person facilitates are staff material: not shown to a session that
    # has not used its second factor.
    facilitating = roles.is_facilitator(request)
    shown = [m for m in memberships if facilitating or m.role != Membership.Role.FACILITATOR]
    return TemplateResponse(
        request,
        "workshops/my_cohorts.html",
        {
            "memberships": shown,
            "facilitation_hidden": len(shown) < len(memberships),
            "can_create": roles.is_facilitator_account(request.user),
        },
    )


@login_required
def join(request):
    form = JoinForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_join(user=request.user, code=form.cleaned_data["code"])
        except services.WorkshopError as error:
            form.add_error("code", error.message)
        else:
            messages.success(request, _("Welcome to %(cohort)s.") % {"cohort": cohort.name})
            return redirect("workshops:cohort", cohort.pk)
    return TemplateResponse(request, "workshops/join.html", {"form": form})


@access.cohort_access()
def calendar(request, cohort):
    response = HttpResponse(
        sessions_as_ics(cohort=cohort, sessions=cohort.sessions.all(), request=request),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="claves-{cohort.pk}.ics"'
    return response


# ---- Trainees ----------------------------------------------------------------------


@access.cohort_access(Membership.Role.TRAINEE)
def cohort_home(request, cohort):
    return TemplateResponse(
        request,
        "workshops/cohort.html",
        {
            "cohort": cohort,
            "sessions": selectors.upcoming_sessions(cohort=cohort),
            "exercises": selectors.exercises_for_trainee(cohort=cohort, user=request.user),
            "booklets": selectors.cohort_booklets(cohort=cohort),
        },
    )


@sensitive_post_parameters("body")
@keeps_text
@access.cohort_access(Membership.Role.TRAINEE)
def exercise(request, cohort, exercise_id):
    exercise = get_object_or_404(SeminarExercise, pk=exercise_id, cohort=cohort)
    response = ExerciseResponse.objects.filter(exercise=exercise, author=request.user).first()
    form = ResponseForm(request.POST or None, initial={"body": response.body if response else ""})
    refused = False  # by the answer's state (it has feedback), not by what was typed
    if request.method == "POST":
        submit = "submit" in request.POST
        if form.is_valid():
            try:
                response = services.response_save(
                    exercise=exercise,
                    author=request.user,
                    body=form.cleaned_data["body"],
                    submit=submit,
                )
            except services.WorkshopError as error:
                form.add_error("body", error.message)
                refused = True
            else:
                message, level = None, messages.SUCCESS
                if submit and response.is_late:
                    message = _("Submitted after the due date: it is kept, marked as late.")
                    level = messages.WARNING
                elif submit:
                    message = _("Your answer was submitted.")
                url = reverse("workshops:exercise", args=[cohort.pk, exercise.pk])
                return saved_reply(
                    request, saved_at=response.updated_at, url=url, message=message, level=level
                )
        if wants_json(request):
            return form_not_saved_json(form, status=409 if refused else 400)
    context = {
        "cohort": cohort,
        "exercise": exercise,
        "prompt": render_markdown(exercise.prompt),
        "response": response,
        "rendered": render_markdown(response.body) if response else "",
        "feedback": list(response.feedback.all()) if response else [],
        "form": form,
        "peers": selectors.peer_responses(exercise=exercise, viewer=request.user),
        "locked": bool(response and response.pk and response.feedback.exists()),
    }
    for peer in context["peers"]:
        peer.rendered = render_markdown(peer.body)
    return TemplateResponse(
        request, "workshops/exercise.html", context, status=400 if form.errors else 200
    )


# ---- Facilitators ------------------------------------------------------------------


@facilitator_required
def facilitator_home(request):
    """Where a facilitator starts: their cohorts and the seminar guide of every booklet."""
    guides = facilitator_guides(locale=Locale.get_active())
    mine = selectors.memberships_of(user=request.user)
    memberships = [m for m in mine if m.role == Membership.Role.FACILITATOR]
    return TemplateResponse(
        request,
        "workshops/facilitator_home.html",
        {"guides": guides, "memberships": memberships},
    )


def _booklet_choices():
    locale = Locale.get_active()
    return [
        (str(b.translation_key), f"{b.number}. {b.title}")
        for b in BookletPage.objects.live().filter(locale=locale).order_by("number")
    ]


@facilitator_required
def cohort_create(request):
    form = CohortForm(
        request.POST or None,
        booklet_choices=_booklet_choices(),
        initial={"language": Locale.get_active().language_code},
    )
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_create(
                facilitator=request.user,
                name=form.cleaned_data["name"],
                language=form.cleaned_data["language"],
                booklet_keys=form.cleaned_data["booklets"],
                starts_on=form.cleaned_data["starts_on"],
                ends_on=form.cleaned_data["ends_on"],
            )
        except services.WorkshopError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The group was created. Now invite its participants."))
            return redirect(_manage_url(cohort))
    return TemplateResponse(request, "workshops/cohort_form.html", {"form": form})


STUDIED_MARK, NOT_YET_MARK = "\u2713", "\u2013"  # check mark, en dash


def _progress_cell(state: str, mark: str, label: str) -> str:
    return format_html(
        '<td class="progress-cell progress-cell--{}"><span aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span></td>',
        state,
        mark,
        label,
    )


def _activities_text(activities) -> str:
    """'completed · average score', or a dash for someone with no results yet."""
    if not activities:
        return "\u2014"
    if activities["scored"] is None:
        return str(activities["completed"])
    return f"{activities['completed']} · {round(activities['scored'] * 100)}%"


def _with_progress_cells(rows: list[dict], module_count: int) -> list[dict]:
    """Each row's cells as one piece of HTML, built once per row from two cells
    translated once: a template loop with a translation and a localised number in each
    of 3,000 cells was most of the dashboard's CPU (issue 17)."""
    cells = {
        True: _progress_cell("done", STUDIED_MARK, _("studied")),
        False: _progress_cell("todo", NOT_YET_MARK, _("not yet")),
    }
    for row in rows:
        modules = "".join(cells[done] for _module, done in row["cells"])
        totals = format_html(
            "<td>{}/{}</td><td>{}</td>",
            row["done"],
            module_count,
            _activities_text(row["activities"]),
        )
        # Safe: every piece is format_html's output.
        row["cells_html"] = mark_safe(modules + totals)  # noqa: S308
    return rows


@access.cohort_access(Membership.Role.FACILITATOR)
def dashboard(request, cohort):
    """The cohort's dashboard. For the CPU budget (bench/: 100 trainees x 30 modules
    within 25 ms), measure GET workshops:dashboard (/es/talleres/<pk>/gestionar/)
    signed in as one of the cohort's facilitators; tests/workshops/
    test_dashboard_phone_and_scale.py builds such a cohort."""
    data = selectors.dashboard(cohort=cohort, page=request.GET.get("page"))
    context = {
        "cohort": cohort,
        "invitation_form": InvitationForm(),
        **data,
        "rows": _with_progress_cells(data["rows"], len(data["modules"])),
        "studied_mark": STUDIED_MARK,
        "not_yet_mark": NOT_YET_MARK,
    }
    return TemplateResponse(request, "workshops/dashboard.html", context)


@access.cohort_access(Membership.Role.FACILITATOR)
@require_POST
def invitation_create(request, cohort):
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                cohort=cohort, created_by=request.user, **form.cleaned_data
            )
        except services.WorkshopError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request, _("New invitation code: %(code)s") % {"code": invitation.code}
            )
    else:
        messages.error(request, _("Check the invitation's days and uses."))
    return redirect(_manage_url(cohort))


@access.cohort_access(Membership.Role.FACILITATOR)
@require_POST
def invitation_revoke(request, cohort, invitation_id):
    invitation = get_object_or_404(Invitation, pk=invitation_id, cohort=cohort)
    services.invitation_revoke(invitation=invitation)
    messages.success(
        request, _("The invitation %(code)s was withdrawn.") % {"code": invitation.code}
    )
    return redirect(_manage_url(cohort))


def _module_choices(cohort):
    return [(str(m.translation_key), m.title) for m in selectors.cohort_modules(cohort=cohort)]


@access.cohort_access(Membership.Role.FACILITATOR)
def session_edit(request, cohort, session_id=None):
    session = selectors.session_of(cohort=cohort, session_id=session_id) if session_id else None
    initial, agenda_initial = {}, []
    if session:  # the form shows starts_at in the active time zone
        initial = model_to_dict(session, ["starts_at", "duration_minutes", "place", "call_link"])
        initial["modules"] = session.module_keys
        agenda_initial = list(session.agenda.values("title", "minutes", "method"))
    form = SessionForm(
        request.POST or None, module_choices=_module_choices(cohort), initial=initial
    )
    agenda = AgendaFormSet(request.POST or None, initial=agenda_initial, prefix="agenda")
    if request.method == "POST" and form.is_valid() and agenda.is_valid():
        items = [
            (f["title"], f["minutes"], f.get("method", ""))
            for f in agenda.cleaned_data
            if f.get("title")
        ]
        try:
            session = services.session_save(
                cohort=cohort,
                session=session,
                starts_at=form.cleaned_data["starts_at"],
                duration_minutes=form.cleaned_data["duration_minutes"],
                place=form.cleaned_data["place"],
                call_link=form.cleaned_data["call_link"],
                module_keys=form.cleaned_data["modules"],
                agenda=items,
            )
        except services.WorkshopError as error:
            form.add_error("starts_at", error.message)
        else:
            messages.success(request, _("The session was saved."))
            return redirect(_manage_url(cohort))
    return TemplateResponse(
        request,
        "workshops/session_form.html",
        {"cohort": cohort, "session": session, "form": form, "agenda": agenda},
        status=400 if request.method == "POST" else 200,
    )


@access.cohort_access(Membership.Role.FACILITATOR)
def attendance(request, cohort, session_id):
    session = selectors.session_of(cohort=cohort, session_id=session_id)
    trainees = selectors.trainees_of(cohort=cohort)
    if request.method == "POST":
        allowed = {t.pk for t in trainees}
        present = {int(v) for v in request.POST.getlist("present") if v.isdigit()} & allowed
        services.attendance_record(session=session, present_user_ids=present)
        messages.success(request, _("Attendance was saved."))
        return redirect(_manage_url(cohort))
    present = set(session.attendance.filter(present=True).values_list("user_id", flat=True))
    return TemplateResponse(
        request,
        "workshops/attendance.html",
        {"cohort": cohort, "session": session, "trainees": trainees, "present": present},
    )


@access.cohort_access(Membership.Role.FACILITATOR)
def exercise_create(request, cohort):
    form = ExerciseForm(request.POST or None, module_choices=_module_choices(cohort))
    if request.method == "POST" and form.is_valid():
        services.exercise_create(cohort=cohort, **form.cleaned_data)
        messages.success(request, _("The exercise was set."))
        return redirect(_manage_url(cohort))
    return TemplateResponse(
        request,
        "workshops/exercise_form.html",
        {"cohort": cohort, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@access.cohort_access(Membership.Role.FACILITATOR)
def exercise_responses(request, cohort, exercise_id):
    exercise = get_object_or_404(SeminarExercise, pk=exercise_id, cohort=cohort)
    if request.method == "POST":
        response_id = request.POST.get("response", "")
        response = (
            ExerciseResponse.objects.filter(pk=response_id, exercise=exercise).first()
            if response_id.isdigit()
            else None
        )
        form = FeedbackForm(request.POST)
        if response is None:
            messages.error(request, _("That answer is not part of this exercise."))
        elif form.is_valid():
            try:
                services.feedback_give(
                    response=response, author=request.user, body=form.cleaned_data["body"]
                )
            except services.WorkshopError as error:
                messages.error(request, error.message)
            else:
                messages.success(request, _("Your feedback was sent."))
        else:
            messages.error(request, _("Feedback cannot be empty."))
        return redirect("workshops:exercise_responses", cohort.pk, exercise.pk)
    responses = list(
        exercise.responses.filter(status=ExerciseResponse.Status.SUBMITTED)
        .select_related("author")
        .prefetch_related("feedback")
    )
    for item in responses:
        item.rendered = render_markdown(item.body)
    return TemplateResponse(
        request,
        "workshops/exercise_responses.html",
        {
            "cohort": cohort,
            "exercise": exercise,
            "prompt": render_markdown(exercise.prompt),
            "responses": responses,
            "drafts": exercise.responses.filter(status=ExerciseResponse.Status.DRAFT).count(),
        },
    )


def _note_form(cohort, trainees, data=None, initial=None):
    # The choices are this cohort's sessions and trainees, so a valid form can only
    # name those.
    sessions = [
        (s.pk, formats.date_format(timezone.localtime(s.starts_at), "SHORT_DATETIME_FORMAT"))
        for s in cohort.sessions.all()
    ]
    participants = [(t.pk, str(t)) for t in trainees]
    return NoteForm(data, initial=initial, sessions=sessions, participants=participants)


@sensitive_post_parameters("text")
@keeps_text(field="text")
@access.cohort_access(Membership.Role.FACILITATOR)
def notes(request, cohort, note_id=None):
    note = get_object_or_404(FacilitatorNote, pk=note_id, cohort=cohort) if note_id else None
    initial = None
    if note:
        initial = model_to_dict(note, ["about", "session", "participant", "version"])
        initial["text"] = note.text
    trainees = {t.pk: t for t in selectors.trainees_of(cohort=cohort)}
    form = _note_form(cohort, trainees.values(), request.POST or None, initial)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            data = form.cleaned_data
            session = (
                cohort.sessions.filter(pk=data["session"]).first() if data["session"] else None
            )
            participant = trainees.get(data["participant"])
            if data["about"] != FacilitatorNote.About.SESSION:
                session = None
            if data["about"] != FacilitatorNote.About.PARTICIPANT:
                participant = None
            try:
                if note:
                    services.note_update(
                        note=note, text=data["text"], based_on_version=data["version"] or 0
                    )
                else:
                    services.note_create(
                        cohort=cohort,
                        author=request.user,
                        about=data["about"],
                        text=data["text"],
                        session=session,
                        participant=participant,
                    )
            except services.WorkshopError as error:
                form.add_error("text", error.message)
                status = 409 if isinstance(error, services.StaleNoteError) else 400
            else:
                messages.success(request, _("The note was saved."))
                return redirect("workshops:notes", cohort.pk)
    all_notes = list(cohort.notes.select_related("session", "participant", "author"))
    return TemplateResponse(
        request,
        "workshops/notes.html",
        {"cohort": cohort, "form": form, "note": note, "notes": all_notes},
        status=status,
    )


def _attendance_cell(session, recorded: dict, user_id: int, now) -> str:
    """Only what is known: yes or no where attendance was taken, 'upcoming' for a
    session still to come, empty where nobody took it (or the person joined later)."""
    present = recorded.get((session.pk, user_id))
    if present is not None:
        return _("yes") if present else _("no")
    return _("upcoming") if session.starts_at > now else ""


@access.cohort_access(Membership.Role.FACILITATOR)
def attendance_csv(request, cohort):
    sessions = list(cohort.sessions.prefetch_related("attendance"))
    trainees = selectors.trainees_of(cohort=cohort)
    recorded = {(a.session_id, a.user_id): a.present for s in sessions for a in s.attendance.all()}
    now = timezone.now()
    header = [_("Participant")] + [
        formats.date_format(timezone.localtime(s.starts_at), "DATETIME_FORMAT") for s in sessions
    ]
    rows = [
        [str(t)] + [_attendance_cell(s, recorded, t.pk, now) for s in sessions] for t in trainees
    ]
    return csv_response(filename=f"attendance-{cohort.pk}.csv", header=header, rows=rows)


@access.cohort_access(Membership.Role.FACILITATOR)
def progress_csv(request, cohort):
    data = selectors.dashboard(cohort=cohort, per_page=None)
    header = [_("Participant")] + [m.title for m in data["modules"]]
    rows = [
        [str(row["trainee"])] + [_("yes") if done else _("no") for _m, done in row["cells"]]
        for row in data["rows"]
    ]
    return csv_response(filename=f"progress-{cohort.pk}.csv", header=header, rows=rows)


@access.cohort_access(Membership.Role.FACILITATOR)
def session_kit(request, cohort, session_id):
    """A session's kit for printing: the plan, the modules it covers, its exercises."""
    session = selectors.session_of(cohort=cohort, session_id=session_id)
    keys = {str(key) for key in session.module_keys}
    modules = [m for m in selectors.cohort_modules(cohort=cohort) if str(m.translation_key) in keys]
    exercises = [
        e for e in cohort.exercises.all() if e.module_key is None or str(e.module_key) in keys
    ]
    for exercise in exercises:
        exercise.rendered = render_markdown(exercise.prompt)
    context = {
        "cohort": cohort,
        "session": session,
        "modules": modules,
        "exercises": exercises,
        "show_sensitive_content": True,  # on paper nothing can be unfolded
    }
    response = TemplateResponse(request, "workshops/session_kit.html", context)
    return rendered_with_page_links(response, [m.body for m in modules], request)
