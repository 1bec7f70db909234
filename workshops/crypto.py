"""Encryption at rest for facilitator notes: cryptography's MultiFernet.

Keys come from FACILITATOR_NOTES_KEYS (comma-separated Fernet keys, newest first). The
first key encrypts; every key decrypts, so a new key can be put in front and
`manage.py rotate_note_keys` re-encrypts everything with it before old keys go.
Without the variable (development and tests only) a key is derived from SECRET_KEY.
"""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings


@cache
def _fernet(keys: tuple[str, ...]) -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in keys])


def note_keys() -> tuple[str, ...]:
    configured = tuple(k.strip() for k in settings.FACILITATOR_NOTES_KEYS if k.strip())
    if configured:
        return configured
    digest = hashlib.sha256(f"claves-notes:{settings.SECRET_KEY}".encode()).digest()
    return (base64.urlsafe_b64encode(digest).decode(),)


def encrypt(text: str) -> str:
    return _fernet(note_keys()).encrypt(text.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet(note_keys()).decrypt(token.encode()).decode()


def rotate(token: str) -> str:
    return _fernet(note_keys()).rotate(token.encode()).decode()
