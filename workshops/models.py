"""People learning together: cohorts, invitations, seminar sessions, exercises,
responses, feedback and facilitators' private notes."""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import crypto
from accounts.models import DELETED_PARTICIPANT

# No 0/O or 1/l/I: codes are read aloud and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


def new_invitation_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(10))


class Cohort(models.Model):
    """A workshop group studying some booklets together with its facilitators."""

    name = models.CharField(_("name"), max_length=120)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    # Booklets by translation_key: a Spanish and an English cohort study the same ones.
    booklet_keys = models.JSONField(_("booklets"), default=list)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["-starts_on", "name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        FACILITATOR = "facilitator", _("Facilitator")
        TRAINEE = "trainee", _("Participant")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("cohort")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="cohort_memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.TRAINEE)
    joined_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["cohort", "user"], name="one_membership_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.cohort} ({self.role})"


class Invitation(models.Model):
    """A code (and link) to join a cohort: expires, has a maximum of uses, revocable."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("cohort")
    )
    code = models.CharField(_("code"), max_length=16, unique=True, default=new_invitation_code)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    max_uses = models.PositiveSmallIntegerField(_("maximum uses"), default=20)
    uses = models.PositiveSmallIntegerField(_("uses"), default=0)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.code

    @property
    def is_usable(self) -> bool:
        return (
            self.revoked_at is None
            and self.expires_at > timezone.now()
            and self.uses < self.max_uses
        )


class SeminarSession(models.Model):
    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("cohort")
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration (minutes)"), default=120)
    place = models.CharField(_("place"), max_length=200, blank=True)
    call_link = models.URLField(_("call link"), blank=True)
    module_keys = models.JSONField(_("modules"), default=list)

    class Meta:
        verbose_name = _("seminar session")
        verbose_name_plural = _("seminar sessions")
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + timezone.timedelta(minutes=self.duration_minutes)


class AgendaItem(models.Model):
    """One step of a session plan: what, how long, with which method."""

    session = models.ForeignKey(
        SeminarSession, on_delete=models.CASCADE, related_name="agenda", verbose_name=_("session")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("activity"), max_length=200)
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    method = models.CharField(_("method"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    session = models.ForeignKey(
        SeminarSession,
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("session"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="attendance",
        verbose_name=_("person"),
    )
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="one_attendance_per_session")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.session}"


class SeminarExercise(models.Model):
    class Visibility(models.TextChoices):
        FACILITATORS = "facilitators", _("Only the facilitators read the answers")
        COHORT = "cohort", _("The whole group reads the submitted answers")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="exercises", verbose_name=_("cohort")
    )
    title = models.CharField(_("title"), max_length=200)
    prompt = models.TextField(
        _("prompt"),
        help_text=_(
            "What to do. For bold, put two asterisks on each side: **like this**. "
            "For a list, start each line with a dash and a space."
        ),
    )
    module_key = models.UUIDField(_("module"), null=True, blank=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)
    visibility = models.CharField(
        _("who reads the answers"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.FACILITATORS,
    )
    anonymous_to_peers = models.BooleanField(
        _("anonymous to the group"),
        default=True,
        help_text=_("Others in the group see the answers without names."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("exercise")
        verbose_name_plural = _("exercises")
        ordering = ["due_at", "created_at"]

    def __str__(self) -> str:
        return self.title


class ExerciseResponse(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    exercise = models.ForeignKey(
        SeminarExercise,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("exercise"),
    )
    # SET_NULL: an answer others have already responded to outlives its author's account,
    # shown as "deleted participant" (see workshops.signals).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="exercise_responses",
        verbose_name=_("author"),
    )
    body = models.TextField(_("answer"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    is_late = models.BooleanField(_("late"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["exercise", "author"], name="one_response_per_exercise")
        ]

    def __str__(self) -> str:
        return f"{self.author_name} · {self.exercise}"

    @property
    def author_name(self) -> str:
        return str(self.author) if self.author_id else str(DELETED_PARTICIPANT)


class Feedback(models.Model):
    response = models.ForeignKey(
        ExerciseResponse,
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("response"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="feedback_given",
        verbose_name=_("author"),
    )
    body = models.TextField(_("feedback"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.body[:60]


class FacilitatorNote(models.Model):
    """A facilitator's private note about the cohort, a session or a participant.

    Readable only by that cohort's facilitators; the text is encrypted at rest, and
    `version` refuses a save based on an older version (optimistic locking).
    """

    class About(models.TextChoices):
        COHORT = "cohort", _("The group")
        SESSION = "session", _("A session")
        PARTICIPANT = "participant", _("A participant")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="notes", verbose_name=_("cohort")
    )
    about = models.CharField(_("about"), max_length=20, choices=About.choices, default=About.COHORT)
    session = models.ForeignKey(
        SeminarSession,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notes",
        verbose_name=_("session"),
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notes_about",
        verbose_name=_("participant"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="notes_written",
        verbose_name=_("author"),
    )
    encrypted_text = models.TextField(_("text (encrypted)"))
    version = models.PositiveIntegerField(_("version"), default=1)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("facilitator note")
        verbose_name_plural = _("facilitator notes")
        ordering = ["-updated_at"]

    def __str__(self) -> str:
        return f"{self.cohort} · {self.get_about_display()}"

    @property
    def text(self) -> str:
        return crypto.decrypt(self.encrypted_text) if self.encrypted_text else ""
