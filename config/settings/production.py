"""Production: every secret and host comes from the environment; refuses to start without them."""

from .base import *

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY is not set. Production needs a long random secret key in the "
        "environment, e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'."
    )
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS is not set. List the site's host names, separated by commas."
    )

if not os.environ.get("WAGTAILADMIN_BASE_URL", "").startswith("https://"):
    raise ImproperlyConfigured(
        "WAGTAILADMIN_BASE_URL must be the site's public https address, e.g. "
        "https://portal.example.org: every link in the portal's emails starts with it."
    )

DEBUG = False

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Behind a TLS-terminating proxy, trust its X-Forwarded-Proto header.
if env_bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

if not EMAIL_HOST:
    # Without a mail server, queued mail waits in the database and the admin shows it undelivered.
    EMAIL_BACKEND = "outbox.backends.UnconfiguredBackend"

LOGGING["root"]["level"] = os.environ.get("DJANGO_LOG_LEVEL", "WARNING")

# Without a shared cache, each web worker would keep what it showed until its own next change:
# a page published (or made private) through one worker would show old on the others for up to
# PAGE_CACHE_SECONDS. So nothing is kept without REDIS_URL (and portal.W001 says so).
CACHE_CONTENT = env_bool("CACHE_CONTENT", default=bool(os.environ.get("REDIS_URL")))

# Media in S3-compatible object storage, so that app servers on several machines share it (see
# s3_media_storage in base.py, and the deployment docs). Without it, media is on the local disk
# (MEDIA_ROOT, a volume in Docker) and the app serves images itself.
if os.environ.get("MEDIA_S3_BUCKET"):
    STORAGES["default"], _media_origins = s3_media_storage(
        os.environ["MEDIA_S3_BUCKET"],
        endpoint_url=os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        region=os.environ.get("MEDIA_S3_REGION") or None,
        custom_domain=os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
    )
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"] += _media_origins
    ADMIN_CONTENT_SECURITY_POLICY["img-src"] += _media_origins
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
