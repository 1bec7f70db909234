"""Encryption at rest for what people write privately: facilitator notes and journal
entries. cryptography's MultiFernet; here, in the lowest app, so every app can use it.

Keys come from FACILITATOR_NOTES_KEYS (comma-separated Fernet keys, newest first; the
name is older than the journal, which uses the same keys). The first key encrypts; every
key decrypts, so a new key can be put in front and `manage.py rotate_note_keys`
re-encrypts everything with it before the old keys go. Without the variable (development
and tests only) a key is derived from SECRET_KEY.
"""

import base64
import hashlib
import logging
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.db import models
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

MISSING_KEY = (
    "A stored note or journal entry cannot be decrypted with any key in "
    "FACILITATOR_NOTES_KEYS: the key it was written with is missing or wrong. Put that "
    "key back in the list, after the newest; until then it shows as unreadable."
)


class UnreadableText(str):
    """What an encrypted text reads as when no key of the ring opens it: a message for
    the reader. It is never written back (it would replace the text for good)."""


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def encryption_keys() -> tuple[str, ...]:
    """The key ring, newest first."""
    configured = tuple(k.strip() for k in settings.FACILITATOR_NOTES_KEYS if k.strip())
    if configured:
        return configured
    # The "claves-notes" salt predates the journal; kept so existing data still opens.
    digest = hashlib.sha256(f"claves-notes:{settings.SECRET_KEY}".encode()).digest()
    return (base64.urlsafe_b64encode(digest).decode(),)


def encrypt(text: str) -> str:
    return _fernet(encryption_keys()).encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    """The text in clear; an UnreadableText if no key of the ring opens it, so a lost
    key costs the texts it protected, not the pages that list them."""
    try:
        return _fernet(encryption_keys()).decrypt(token.encode()).decode()
    except InvalidToken:
        logger.error(MISSING_KEY)
        return UnreadableText(
            _(
                "This text cannot be read for now: the server is missing the key that "
                "protects it. Please tell the people who run the site."
            )
        )


def rotate(token: str) -> str:
    """The same text, encrypted with the newest key."""
    try:
        return _fernet(encryption_keys()).rotate(token.encode()).decode()
    except InvalidToken:
        raise ValueError(MISSING_KEY) from None


class EncryptedTextField(models.TextField):
    """Text that Python reads and writes in clear and the database holds only as a
    Fernet token (empty text too). It cannot be searched, filtered or ordered by content;
    exports and forms see the clear text."""

    def from_db_value(self, value, expression, connection):
        # "" only from a raw insert; every save stores a token.
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        if isinstance(value, UnreadableText):
            raise ValueError(MISSING_KEY)
        value = super().get_prep_value(value)
        return None if value is None else encrypt(value)
