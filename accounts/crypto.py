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
from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.db import models


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
    return _fernet(encryption_keys()).decrypt(token.encode()).decode()


def rotate(token: str) -> str:
    """The same text, encrypted with the newest key."""
    return _fernet(encryption_keys()).rotate(token.encode()).decode()


class EncryptedTextField(models.TextField):
    """Text that Python reads and writes in clear and the database holds only as a
    Fernet token (empty text too). It cannot be searched, filtered or ordered by content;
    exports and forms see the clear text."""

    def from_db_value(self, value, expression, connection):
        # "" only from a raw insert; every save stores a token.
        return decrypt(value) if value else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return None if value is None else encrypt(value)
