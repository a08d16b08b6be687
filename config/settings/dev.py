"""Local development: debug on, a throwaway key, mail written where a newcomer can read it."""

from .base import *

DEBUG = True
VAR_DIR.mkdir(parents=True, exist_ok=True)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"

if not EMAIL_HOST:
    EMAIL_BACKEND = "outbox.backends.ConsoleAndFileBackend"
    EMAIL_FILE_PATH = VAR_DIR / "mail"

# Serve static files straight from the source folders, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
