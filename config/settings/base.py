"""Settings shared by every environment. Secrets and addresses come from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    # Our apps first, so their templates override those of the libraries; highest first
    # (tests/test_import_graph.py holds each to importing only those below it).
    "demo",
    "workshops",
    "search",
    "booklets",
    "curriculum",
    "accounts",
    "operations",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.sites",
    "accounts.wagtail_users.ClavesWagtailUsersConfig",  # wagtail.users, without real names
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "operations.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The activity origin (H5P) is answered before anything that knows about sessions.
    "curriculum.activity_origin.ActivityOriginMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    # Signed-out readers' pages from the cache, before sessions and routing.
    "booklets.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETags on pages, so a repeat visit costs a 304 rather than the page again.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.SessionTimeoutMiddleware",
    "accounts.middleware.StaffSecondFactorMiddleware",
    "accounts.middleware.PrivatePagesNotStoredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite by default so that `make run` needs nothing but Python; DATABASE_URL switches
# to PostgreSQL (or anything dj-database-url understands).
# Kept connections are checked before reuse, so a restarted PostgreSQL costs a reconnect,
# not an error.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
# Readers never wait for a writer (WAL); a transaction takes the write lock when it
# begins (IMMEDIATE) and waits up to 20 s for it, instead of failing with "database is
# locked" halfway. Enough for one process with threads; several need PostgreSQL.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# In-process cache by default; REDIS_URL switches the cache, and everything that is
# rate-limited through it, to Redis, with Django's backend made to treat an unreachable
# Redis as a cache miss (config/cache.py).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "claves",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "claves",
        }
    }
# Signed-out readers' pages (booklets.page_cache): seconds the cache keeps one, a
# browser keeps one, and a shared cache in front (nginx, a CDN) keeps one. Publishing
# purges a shared cache only when WAGTAILFRONTENDCACHE says how (docs/deploying.md).
PAGE_CACHE_SECONDS = 600
PAGE_CACHE_BROWSER_SECONDS = 60
PAGE_CACHE_SHARED_SECONDS = int(os.environ.get("PAGE_CACHE_SHARED_SECONDS", "600"))
# Each nginx's purge address, comma-separated: one per machine (deploy/nginx-cache.conf).
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        location: {
            "BACKEND": "booklets.frontend_purge.NginxPurgeBackend",
            "LOCATION": location,
        }
        for location in os.environ["FRONTEND_CACHE_PURGE_URL"].split(",")
    }

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "accounts.auth_backends.VerifiedEmailAuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
# One way in: Wagtail's admin and its private pages sign in through the same
# rate-limited allauth flow, with the second factor; Wagtail's own password reset is off
# (allauth's sends mail only to verified addresses).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# The CSRF token lives in the session, which ends with the browser: no year-long cookie
# on a shared phone.
CSRF_USE_SESSIONS = True
# ...so signing in or out in another tab changes it: a refused Save shows the text back.
CSRF_FAILURE_VIEW = "curriculum.autosave.csrf_failure"

# Accounts (django-allauth): a username and a password are enough; an email address is
# optional and is only ever used once verified.
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"username", "email"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "email", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "optional"
ACCOUNT_UNIQUE_EMAIL = True
# No page tells whether an address is someone's: signing up with, or adding, an address
# another account uses succeeds like any other and keeps it unverified (only one account
# can verify an address); its verified owner is told by mail instead of sent a link
# (accounts.adapter). Usernames stay unique, and sign-up says when one is taken.
ACCOUNT_PREVENT_ENUMERATION = "strict"
# No "unknown account" mail from the reset page: Claves never writes to an address that
# no account has verified (the page still answers the same for every address).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_FORMS = {
    "login": "accounts.forms.LoginForm",
    "reset_password": "accounts.forms.VerifiedEmailResetPasswordForm",
}
# No "remember me": on a shared phone a session ends when the browser closes.
ACCOUNT_SESSION_REMEMBER = False
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
ACCOUNT_RATE_LIMITS = {
    # Per account (per name or address typed): the sixth failed attempt within five
    # minutes is refused, from any address. Per address: 20 failures a minute, enough
    # for a workshop behind one address and a brake on trying many accounts. The
    # account's limit comes first, so attempts it refuses do not count against the
    # address: someone attacking one account does not stop their neighbours.
    "login_failed": "5/5m/key,20/m/ip",
    # Every sign-in POST, right or wrong: a flood brake, above what a hall sends.
    "login": "60/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
}
# Per-address limits need the client's address: behind nginx (or any proxy) every
# request comes from the proxy, so TRUSTED_PROXY_COUNT says how many proxies of ours
# append to X-Forwarded-For; the client is the entry the outermost one added. 0 ignores
# the header (a client could write anything in it).
ALLAUTH_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT") or 0)
# How many server processes run (gunicorn reads the same variable; 0: not said).
# Limits count in the cache, so more than one needs a shared one: accounts/checks.py.
WEB_CONCURRENCY = int(os.environ.get("WEB_CONCURRENCY") or 0)
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Claves] "
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "claves@localhost")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Claves"
# A code typed just before its 30 seconds end still counts when it arrives a moment later
# over a slow connection (allauth still refuses a code used once).
MFA_TOTP_TOLERANCE = 1

# Facilitator notes are encrypted at rest with these Fernet keys (newest first).
FACILITATOR_NOTES_KEYS = [k for k in os.environ.get("FACILITATOR_NOTES_KEYS", "").split(",") if k]

# Sessions: signed out after SESSION_IDLE_TIMEOUT seconds without activity, and after
# SESSION_ABSOLUTE_TIMEOUT seconds whatever happens (accounts.middleware).
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(2 * 3600)))
SESSION_ABSOLUTE_TIMEOUT = int(os.environ.get("SESSION_ABSOLUTE_TIMEOUT", str(12 * 3600)))
SESSION_COOKIE_AGE = SESSION_IDLE_TIMEOUT

# Languages: Spanish first, English second, for the interface and the content alike.
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", _("Spanish")),
    ("en", _("English")),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# A new translation starts as a draft that goes through moderation, even of a live page.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# Dates as people say them: "lunes 30 de noviembre, 18:00" (config/formats/).
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "America/Mexico_City"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
# build/static holds front-end packages installed by `make assets` (npm, pinned by
# package-lock.json): served by us, never from a CDN.
STATICFILES_DIRS = [
    path for path in (SITE_DIR / "static", BASE_DIR / "build" / "static") if path.exists()
]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Safety: nothing leaves for another host, nothing is framed, nothing sniffed.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"

# Wagtail
WAGTAIL_SITE_NAME = "Claves"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# One index for the site and the admin, each language stemmed and accents folded
# on PostgreSQL (search/backend.py). Wagtail keeps no record of queries (no
# wagtail.contrib.search_promotions): nothing anyone searched for is stored.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
# Wagtail would otherwise call other hosts from our users' browsers or our server.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Slugs of new pages without accents: "desaparicion-forzada" (admin and model alike).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Interactive activities (H5P) run on an origin of their own, which carries no cookie of
# ours: packages, the player and its frame are served only there (see
# curriculum.activity_origin). Its host must also be in ALLOWED_HOSTS. Empty: activities
# show as not available.
H5P_ORIGIN = os.environ.get("H5P_ORIGIN", "").rstrip("/")

# Where the quick exit sends someone: a neutral page that says nothing about us.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.google.com/search?q=clima")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
