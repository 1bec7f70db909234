"""Local development: `make run`. Never use these settings on a server."""

from .base import *

DEBUG = True
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# `make run` serves the site on 127.0.0.1 and activities on localhost: two origins, so
# that an activity's scripts never run beside the site's cookies (Makefile sets both).
H5P_ORIGIN = os.environ.get("H5P_ORIGIN", "http://localhost:8000").rstrip("/")
INTERNAL_IPS = ["127.0.0.1"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"

# Serve site/static straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
