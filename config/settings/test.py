"""Test runs: fast hashing, in-memory cache and mail, plain static storage."""

from .base import *

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = VAR_DIR / "test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
DATABASES["default"]["CONN_MAX_AGE"] = 0
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The task worker takes tasks in an exclusive transaction; with this mode Django opens it
    # itself, so the worker also runs inside a test's transaction.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "EXCLUSIVE"
# Tasks run at once, inside the test; tests of the worker itself switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
PAGE_CACHE_ENABLED = False  # tests of the cache turn it on
# The smallest record of a person, declared as a new kind would be (tests/people/).
INSTALLED_APPS = [*INSTALLED_APPS, "tests.people.minimal_record"]
