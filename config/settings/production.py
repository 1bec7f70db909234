"""Production: every secret and address comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS, DATABASE_URL, FACILITATOR_NOTES_KEYS. Optional: REDIS_URL,
WAGTAILADMIN_BASE_URL, MEDIA_ROOT, QUICK_EXIT_URL, SECURE_HSTS_SECONDS,
CSRF_TRUSTED_ORIGINS, and the AWS_* variables for S3-compatible media storage.

Behind nginx, TRUSTED_PROXY_COUNT=1 (base.py) gives the per-address sign-in limits the
client's address. `check --deploy` (accounts/checks.py) refuses an in-process cache or
SQLite unless WEB_CONCURRENCY=1 says one process serves the site: several workers need
REDIS_URL and PostgreSQL. Without S3, config/urls.py serves Wagtail's images.
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *

DEBUG = False

if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of 50+ characters.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the host names the site answers to.")
if not FACILITATOR_NOTES_KEYS:
    raise ImproperlyConfigured(
        "FACILITATOR_NOTES_KEYS must hold at least one Fernet key (see README)."
    )
try:
    from cryptography.fernet import Fernet

    for _key in FACILITATOR_NOTES_KEYS:
        Fernet(_key.strip())
except ValueError:
    # The key itself is never shown: it is a secret, however mistyped.
    raise ImproperlyConfigured(
        "FACILITATOR_NOTES_KEYS holds something that is not a Fernet key (see README)."
    ) from None

# The activity origin (H5P_ORIGIN) is answered by this same application: accept its host.
if H5P_ORIGIN:
    from urllib.parse import urlsplit

    _activity_host = urlsplit(H5P_ORIGIN).hostname or ""
    if "WAGTAILADMIN_BASE_URL" not in os.environ:
        raise ImproperlyConfigured(
            "WAGTAILADMIN_BASE_URL must give the site's public address: only it may frame "
            "the activities served on H5P_ORIGIN."
        )
    if _activity_host == urlsplit(WAGTAILADMIN_BASE_URL).hostname:
        raise ImproperlyConfigured("H5P_ORIGIN must be a host of its own, not the site's.")
    if _activity_host not in ALLOWED_HOSTS:
        ALLOWED_HOSTS = [*ALLOWED_HOSTS, _activity_host]

CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# TLS ends at nginx, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# One year of HSTS; lower it with the variable while first trying a new host.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
# "__Host-" cookies can be set only by this very host, over HTTPS, for the whole site:
# a script on another host of the same domain (the activity origin runs other people's
# JavaScript) cannot plant a session of its choosing on the site.
SESSION_COOKIE_NAME = "__Host-claves-session"
LANGUAGE_COOKIE_NAME = "__Host-claves-language"

# Media on S3-compatible storage when a bucket is named (needs django-storages[s3]);
# local files otherwise.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # django-storages reads only the credentials from the environment. Never overwrite:
    # a second "photo.jpg" uploaded would replace the first image's file.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            # Media from a host of ours (unsigned, public-read objects) rather than the
            # provider's: readers' browsers then ask no third party for an image.
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
        },
    }

LOGGING["root"]["level"] = os.environ.get("LOG_LEVEL", "INFO")

# Mail (address verification, password reset) through the host's SMTP relay.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
