"""Settings for the test suite: fast and isolated."""

from .base import *

DEBUG = False
SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "activities.testserver", "localhost", "127.0.0.1"]
H5P_ORIGIN = "http://activities.testserver"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
MEDIA_ROOT = BASE_DIR / ".test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"

# The browser tests empty the tables after each test (their server needs committed
# data), so they get a database of their own and never disturb the main suite's.
TEST_DATABASE_SUFFIX = os.environ.get("CLAVES_TEST_DATABASE_SUFFIX", "")
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file (not memory) so that `--reuse-db` keeps it between runs.
    DATABASES["default"]["TEST"] = {
        "NAME": str(BASE_DIR / f".test-db{TEST_DATABASE_SUFFIX}.sqlite3")
    }
    # Each test runs inside a transaction: an IMMEDIATE one would hold the write lock for
    # the whole test, and the servers some tests start could never write. (The SQLite
    # concurrency test runs its server with the development settings.)
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "DEFERRED"
else:
    DATABASES["default"]["TEST"] = {
        "NAME": f"test_{DATABASES['default']['NAME']}{TEST_DATABASE_SUFFIX.replace('-', '_')}"
    }

# CLAVES_WITHOUT_DEMO=1: the suite without the demo app, which no other app may need.
if os.environ.get("CLAVES_WITHOUT_DEMO"):
    INSTALLED_APPS = [app for app in INSTALLED_APPS if app != "demo"]

# Serve site/static straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
