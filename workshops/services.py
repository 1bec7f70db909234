"""Writes for workshops. Each function is one transaction and checks its own rules;
errors are WorkshopError with a translated message for the person."""

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts import crypto, roles
from workshops.models import (
    AgendaItem,
    Attendance,
    Cohort,
    ExerciseResponse,
    FacilitatorNote,
    Feedback,
    Invitation,
    Membership,
    SeminarExercise,
    SeminarSession,
)


class WorkshopError(Exception):
    """A rule was broken; `message` says so in the person's language."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class StaleNoteError(WorkshopError):
    pass


# Saving over a text no key opens would replace it for good: it waits for its key.
UNREADABLE_NOT_CHANGED = gettext_lazy(
    "This text cannot be changed until the server has its key again; nothing was saved. "
    "Write what you wanted to add in a new note."
)


@transaction.atomic
def cohort_create(*, facilitator, name, language, booklet_keys, starts_on, ends_on=None) -> Cohort:
    if ends_on and ends_on < starts_on:
        raise WorkshopError(_("The cohort cannot end before it starts."))
    cohort = Cohort.objects.create(
        name=name,
        language=language,
        booklet_keys=[str(key) for key in booklet_keys],
        starts_on=starts_on,
        ends_on=ends_on,
    )
    Membership.objects.create(cohort=cohort, user=facilitator, role=Membership.Role.FACILITATOR)
    return cohort


def invitation_create(*, cohort, created_by, valid_days: int, max_uses: int) -> Invitation:
    if not 1 <= valid_days <= 90:
        raise WorkshopError(_("An invitation can last from 1 to 90 days."))
    if not 1 <= max_uses <= 500:
        raise WorkshopError(_("An invitation can be used from 1 to 500 times."))
    return Invitation.objects.create(
        cohort=cohort,
        created_by=created_by,
        expires_at=timezone.now() + datetime.timedelta(days=valid_days),
        max_uses=max_uses,
    )


def invitation_revoke(*, invitation) -> None:
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


INVALID_CODE = gettext_lazy("That code does not open any group. Check it with your facilitator.")


@transaction.atomic
def cohort_join(*, user, code: str) -> Cohort:
    """Join with an invitation code; every refusal says why, and changes nothing."""
    normalised = "".join(code.split()).upper()
    invitation = (
        Invitation.objects.select_for_update()
        .select_related("cohort")
        .filter(code=normalised)
        .first()
    )
    if invitation is None:
        raise WorkshopError(INVALID_CODE)
    if invitation.revoked_at is not None:
        raise WorkshopError(_("This invitation was withdrawn. Ask your facilitator for a new one."))
    if invitation.expires_at <= timezone.now():
        raise WorkshopError(_("This invitation has expired. Ask your facilitator for a new one."))
    if invitation.uses >= invitation.max_uses:
        raise WorkshopError(_("This invitation has been used as many times as it allows."))
    if Membership.objects.filter(cohort=invitation.cohort, user=user).exists():
        raise WorkshopError(_("You are already in this group."))
    try:
        Membership.objects.create(cohort=invitation.cohort, user=user)
    except IntegrityError as error:  # two joins at once
        raise WorkshopError(_("You are already in this group.")) from error
    Invitation.objects.filter(pk=invitation.pk).update(uses=F("uses") + 1)
    return invitation.cohort


@transaction.atomic
def session_save(
    *, cohort, starts_at, duration_minutes, place, call_link, module_keys, agenda, session=None
) -> SeminarSession:
    """Create or update a session and replace its plan. `agenda` is a list of
    (title, minutes, method)."""
    if starts_at < timezone.now() and (session is None or session.starts_at != starts_at):
        raise WorkshopError(_("A new session cannot be scheduled in the past."))
    if session is None:
        session = SeminarSession(cohort=cohort)
    session.starts_at, session.duration_minutes = starts_at, duration_minutes
    session.place, session.call_link = place, call_link
    session.module_keys = [str(key) for key in module_keys]
    session.save()
    session.agenda.all().delete()
    AgendaItem.objects.bulk_create(
        AgendaItem(session=session, position=i, title=title, minutes=minutes, method=method)
        for i, (title, minutes, method) in enumerate(agenda)
    )
    return session


@transaction.atomic
def attendance_record(*, session, present_user_ids: set[int]) -> None:
    trainees = session.cohort.memberships.filter(role=Membership.Role.TRAINEE).values_list(
        "user_id", flat=True
    )
    for user_id in trainees:
        Attendance.objects.update_or_create(
            session=session, user_id=user_id, defaults={"present": user_id in present_user_ids}
        )


def exercise_create(*, cohort, **fields) -> SeminarExercise:
    return SeminarExercise.objects.create(cohort=cohort, **fields)


@transaction.atomic
def response_save(*, exercise, author, body: str, submit: bool = False) -> ExerciseResponse:
    """Save a draft, or submit. Late answers are kept and marked late, never refused.
    A submitted answer can still be edited until it has feedback."""
    # The row first, by an insert that cannot fail on a duplicate (autosave and Save at
    # once), so the database never logs a failed statement; then it is locked.
    ExerciseResponse.objects.bulk_create(
        [ExerciseResponse(exercise=exercise, author=author)], ignore_conflicts=True
    )
    response = ExerciseResponse.objects.select_for_update().get(exercise=exercise, author=author)
    if response.feedback.exists():
        raise WorkshopError(_("This answer already has feedback, so it can no longer change."))
    if submit and not body.strip():
        raise WorkshopError(_("An empty answer cannot be submitted. Write something first."))
    response.body = body
    if submit and response.status != ExerciseResponse.Status.SUBMITTED:
        response.status = ExerciseResponse.Status.SUBMITTED
        response.submitted_at = timezone.now()
        response.is_late = bool(exercise.due_at and response.submitted_at > exercise.due_at)
    response.save()
    return response


def feedback_give(*, response, author, body: str) -> Feedback:
    if not body.strip():
        raise WorkshopError(_("Feedback cannot be empty."))
    if response.status != ExerciseResponse.Status.SUBMITTED:
        raise WorkshopError(_("Only submitted answers can receive feedback."))
    return Feedback.objects.create(response=response, author=author, body=body)


def note_create(*, cohort, author, about, text, session=None, participant=None) -> FacilitatorNote:
    if not text.strip():
        raise WorkshopError(_("A note cannot be empty."))
    return FacilitatorNote.objects.create(
        cohort=cohort,
        author=author,
        about=about,
        session=session,
        participant=participant,
        encrypted_text=crypto.encrypt(text),
    )


def note_update(*, note, text: str, based_on_version: int) -> FacilitatorNote:
    """Save only if nobody saved the note since `based_on_version` was read."""
    if not text.strip():
        raise WorkshopError(_("A note cannot be empty."))
    if isinstance(note.text, crypto.UnreadableText):
        raise WorkshopError(UNREADABLE_NOT_CHANGED)
    updated = FacilitatorNote.objects.filter(pk=note.pk, version=based_on_version).update(
        encrypted_text=crypto.encrypt(text), version=F("version") + 1, updated_at=timezone.now()
    )
    if not updated:
        raise StaleNoteError(
            _(
                "Someone saved this note after you opened it, so your changes were not "
                "saved. Your text is still in the box: copy it, reload, and merge."
            )
        )
    note.refresh_from_db()
    return note


def notes_rotate_keys() -> int:
    """Re-encrypt every note with the newest key. A note saved meanwhile is skipped, not
    overwritten with what was read before: its save already used the newest key."""
    count = 0
    for note in FacilitatorNote.objects.only("pk", "encrypted_text").iterator():
        count += FacilitatorNote.objects.filter(
            pk=note.pk, encrypted_text=note.encrypted_text
        ).update(encrypted_text=crypto.rotate(note.encrypted_text))
    return count


@transaction.atomic
def facilitation_end_if_role_lost(*, user_ids) -> int:
    """People who no longer hold a facilitator role stop facilitating every cohort at
    once: their facilitator memberships go (the cohort's notes and feedback stay)."""
    # Asked on every save of an account and for everyone in a changed group: only people
    # who facilitate a cohort are looked at one by one (most people facilitate nothing).
    facilitating = (
        get_user_model()
        .objects.filter(pk__in=list(user_ids), cohort_memberships__role=Membership.Role.FACILITATOR)
        .distinct()
    )
    lost = [user.pk for user in facilitating if not roles.is_facilitator_account(user)]
    if not lost:
        return 0
    deleted, _counts = Membership.objects.filter(
        user_id__in=lost, role=Membership.Role.FACILITATOR
    ).delete()
    return deleted


def participant_forget(*, user) -> None:
    """Before an account goes: drop its answers nobody responded to. Answered ones stay
    for the cohort and lose their author (on_delete=SET_NULL)."""
    ExerciseResponse.objects.filter(author=user, feedback__isnull=True).delete()
