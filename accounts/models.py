from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

# What others see where a person who deleted their account once wrote something that
# had to stay for the rest of a cohort (see accounts.services.user_delete).
DELETED_PARTICIPANT = _("deleted participant")


class User(AbstractUser):
    """A person using Claves. A username and a password are enough; email is optional.

    `display_name` is what other people see: a pseudonym is fine, a real name is never
    required. No IP address or browser description is ever stored with a person.
    """

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("What other participants see. A pseudonym is fine."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language Claves opens in after you sign in."),
    )
    show_sensitive_content = models.BooleanField(
        _("show sensitive content without asking"),
        default=False,
        help_text=_("Open parts marked with a content warning straight away."),
    )

    class Meta(AbstractUser.Meta):
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.display_name or self.username


class UserSession(models.Model):
    """A signed-in browser, so that a person can see where they are signed in and sign
    out everywhere. Deliberately without IP address or user agent."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tracked_sessions",
        verbose_name=_("user"),
    )
    session_key = models.CharField(_("session key"), max_length=40, unique=True)
    created_at = models.DateTimeField(_("signed in at"), auto_now_add=True)
    last_seen_at = models.DateTimeField(_("last active"), auto_now_add=True)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["-last_seen_at"]

    def __str__(self) -> str:
        return f"{self.user} @ {self.created_at:%Y-%m-%d %H:%M}"
