"""Reads for workshops, each in a fixed number of queries."""

from collections import defaultdict

from django.core.paginator import Paginator
from django.db.models import Avg, Count, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone
from wagtail.models import Locale

from booklets.models import BookletPage, ModulePage, booklet_of
from curriculum.models import ActivityAttempt, H5PActivity, ModuleProgress
from workshops.models import (
    ExerciseResponse,
    Invitation,
    Membership,
    SeminarExercise,
    SeminarSession,
)


def memberships_of(*, user):
    return (
        Membership.objects.filter(user=user).select_related("cohort").order_by("-cohort__starts_on")
    )


def cohort_booklets(*, cohort) -> list[BookletPage]:
    """The cohort's booklets in its language, each with `.modules` (two queries)."""
    locale = Locale.objects.filter(language_code=cohort.language).first()
    booklets = list(
        BookletPage.objects.live()
        .filter(translation_key__in=cohort.booklet_keys, locale=locale)
        .order_by("number")
    )
    if not booklets:
        return []
    children = Q(*(ModulePage.objects.child_of_q(booklet) for booklet in booklets), _connector=Q.OR)
    for booklet in booklets:
        booklet.modules = []
    for module in ModulePage.objects.live().filter(children).order_by("path"):
        booklet_of(module, booklets).modules.append(module)
    return booklets


def cohort_modules(*, cohort) -> list[ModulePage]:
    return [module for booklet in cohort_booklets(cohort=cohort) for module in booklet.modules]


def _activity_ids(data, found: set[int]) -> set[int]:
    """The activities chosen in a StreamField's raw data, at whatever depth."""
    if isinstance(data, dict):
        if data.get("type") == "interactive_activity" and isinstance(data.get("value"), dict):
            activity = data["value"].get("activity")
            if isinstance(activity, int):
                found.add(activity)
        for value in data.values():
            _activity_ids(value, found)
    elif isinstance(data, list):
        for item in data:
            _activity_ids(item, found)
    return found


def activity_keys_of(*, modules) -> set:
    """The translation keys of the interactive activities in `modules` (one query)."""
    ids: set[int] = set()
    for module in modules:
        _activity_ids(list(module.body.raw_data), ids)
    if not ids:
        return set()
    return set(H5PActivity.objects.filter(pk__in=ids).values_list("translation_key", flat=True))


def trainees_of(*, cohort):
    return [
        m.user
        for m in cohort.memberships.filter(role=Membership.Role.TRAINEE)
        .select_related("user")
        .order_by("user__display_name", "user__username")
    ]


def upcoming_sessions(*, cohort, limit=None):
    sessions = cohort.sessions.filter(starts_at__gte=timezone.now() - timezone.timedelta(hours=3))
    return list(sessions[:limit] if limit else sessions)


PROGRESS_PAGE_SIZE = 50


def dashboard(*, cohort, page=1, per_page: int | None = PROGRESS_PAGE_SIZE) -> dict:
    """Everything the facilitator's dashboard shows, in a constant number of queries
    whatever the size of the cohort. Progress rows come `per_page` participants at a
    time (`progress_page`), or all of them with `per_page=None` (for the spreadsheet)."""
    trainees = trainees_of(cohort=cohort)
    progress_page = Paginator(trainees, per_page or max(len(trainees), 1)).get_page(page)
    trainees = list(progress_page)
    modules = cohort_modules(cohort=cohort)
    module_keys = [m.translation_key for m in modules]
    studied_by = defaultdict(set)
    for user_id, module_key in ModuleProgress.objects.filter(
        user__in=[t.pk for t in trainees], module_key__in=module_keys
    ).values_list("user_id", "module_key"):
        studied_by[user_id].add(module_key)
    # Only the cohort's own activities: a trainee's results elsewhere are not its business.
    activity_results = {
        row["user_id"]: row
        for row in ActivityAttempt.objects.filter(
            user__in=[t.pk for t in trainees],
            activity_key__in=activity_keys_of(modules=modules),
        )
        .values("user_id")
        .annotate(completed=Count("pk", filter=Q(completed=True)), scored=Avg("score_scaled"))
    }
    rows = []
    for trainee in trainees:
        studied = studied_by[trainee.pk]
        cells = [(module, key in studied) for module, key in zip(modules, module_keys, strict=True)]
        rows.append(
            {
                "trainee": trainee,
                "activities": activity_results.get(trainee.pk),
                "cells": cells,
                "done": sum(done for _module, done in cells),
            }
        )
    awaiting = list(
        ExerciseResponse.objects.filter(
            exercise__cohort=cohort,
            status=ExerciseResponse.Status.SUBMITTED,
            feedback__isnull=True,
        )
        .select_related("exercise", "author")
        .order_by("submitted_at")
    )
    return {
        "modules": modules,
        "rows": rows,
        "progress_page": progress_page,
        "awaiting": awaiting,
        "sessions": upcoming_sessions(cohort=cohort, limit=5),
        "exercises": list(cohort.exercises.all()),
        "invitations": list(
            Invitation.objects.filter(cohort=cohort, revoked_at__isnull=True).order_by(
                "-created_at"
            )
        ),
        "facilitators": [
            m.user
            for m in cohort.memberships.filter(role=Membership.Role.FACILITATOR).select_related(
                "user"
            )
        ],
    }


def exercises_for_trainee(*, cohort, user):
    exercises = list(cohort.exercises.all())
    mine = {
        r.exercise_id: r
        for r in ExerciseResponse.objects.filter(exercise__cohort=cohort, author=user).annotate(
            feedback_count=Count("feedback")  # the cohort page says when feedback arrived
        )
    }
    for exercise in exercises:
        exercise.my_response = mine.get(exercise.pk)
    return exercises


def peer_responses(*, exercise, viewer):
    """Submitted answers of others, only where the exercise is open to the whole cohort."""
    if exercise.visibility != SeminarExercise.Visibility.COHORT:
        return []
    return list(
        exercise.responses.filter(status=ExerciseResponse.Status.SUBMITTED)
        .exclude(author=viewer)
        .select_related("author")
        .prefetch_related("feedback")
    )


def session_of(*, cohort, session_id) -> SeminarSession:
    return get_object_or_404(
        SeminarSession.objects.prefetch_related("agenda"), pk=session_id, cohort=cohort
    )
