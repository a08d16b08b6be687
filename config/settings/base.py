"""Settings shared by every environment: safe by default, relaxed only in dev.py."""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
# Local state (SQLite database, mail written in development) lives here; git ignores it.
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off", ""}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The portal's own apps: shared code, content areas, then what assembles them.
PORTAL_APPS = (
    "outbox",
    "pagecache",
    "portal",
    "people",
    "home",
    "events",
    "library",
    "membership",
    "members",
    "notifications",
    "registrations",
    "trials",
    "editorial",
    "demo",
)

INSTALLED_APPS = [
    *PORTAL_APPS,
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail_modeladmin",
    "wagtail.sites",
    "portal.apps.PortalUsersConfig",
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
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
]

MIDDLEWARE = [
    "portal.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "pagecache.cache.PageCacheMiddleware",
    "portal.middleware.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Accounts that can see people's details need a code from an authenticator app under
    # /admin/ (portal/second_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "portal.second_factor.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a refused sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Search results are sorted by rank. When many pages tie for the top rank (a word every page
    # uses), PostgreSQL's incremental sort joins each match to every page in turn: 17 s instead
    # of 0.2 s with 10,000 pages (benchmarks/library_search.py). Nothing else here needs it.
    # Parallel workers made a filtered library search sorted by title sort all 10,000 resources
    # between two processes (spilling to disk) rather than sort its 111 matches: 50 ms instead
    # of 27 ms. Requests here are small and many at a time; none gains from a second process.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c enable_incremental_sort=off -c max_parallel_workers_per_gather=0"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "portal.User"


def redis_cache(url):
    """A Redis cache whose outage slows no page much and breaks none.

    Short timeouts bound what a stopped or hanging Redis costs; errors are logged and read as
    cache misses, and after one the cache is left alone for a few seconds
    (`pagecache/redis.py`). Rate limits and the page cache's generation live in the
    database, so they hold; /healthz names the cache as down.
    """
    return {
        "BACKEND": "pagecache.redis.RedisCacheThatStepsAside",
        "LOCATION": url,
        "KEY_PREFIX": "portal",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": 0.25,
            "SOCKET_TIMEOUT": 0.25,
            "IGNORE_EXCEPTIONS": True,
        },
    }


def s3_media_storage(bucket, *, endpoint_url=None, region=None, custom_domain=None):
    """Media in an S3-compatible bucket (`portal/s3_media.py`), and the origins its images are
    shown from, for the Content-Security-Policy. Production uses it when MEDIA_S3_BUCKET is set.

    Image URLs are plain (no expiring signature), since cached pages and browsers keep them; so
    the bucket must let anyone read `images/` and `original_images/`, and nothing else: documents
    are streamed through the app (`WAGTAILDOCS_SERVE_METHOD`), which checks private collections.
    Keys come from the environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`) or the host's
    role, as boto3 finds them.
    """
    storage = {
        "BACKEND": "portal.s3_media.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "region_name": region,
            "custom_domain": custom_domain,
            # Another service's endpoint names the bucket in the path; AWS in the host name.
            "addressing_style": "path" if endpoint_url else "virtual",
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    if custom_domain:
        origins = [f"https://{custom_domain}"]
    elif endpoint_url:
        parts = urlsplit(endpoint_url)
        origins = [f"{parts.scheme}://{parts.netloc}"]
    else:
        origins = [f"https://{bucket}.s3.amazonaws.com"]
        if region:
            origins.append(f"https://{bucket}.s3.{region}.amazonaws.com")
    return storage, origins


if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"])}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Admin sign-in (docs/signing-in.md): 5 failures for one username from one client (see
# portal.antispam.client_key) pause sign-in to that account from that client for 15 minutes;
# each refused attempt restarts the 15 minutes. So no one can lock a person out from elsewhere,
# one client guessing many accounts, or many clients guessing one account, meet the higher
# ceilings below (portal.signin.SignInGuard). The counts live in the database, so they hold
# across workers and whatever happens to the cache.
AUTHENTICATION_BACKENDS = [
    "portal.signin.SignInGuard",
    "django.contrib.auth.backends.ModelBackend",
    # Members' emailed sign-in links (members/signin.py); tried after the guard above, so a
    # client sending bad links is paused like one typing wrong passwords.
    "sesame.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "portal.antispam.client_key"
AXES_LOCKOUT_CALLABLE = "portal.signin.locked_out"
AXES_RESET_ON_SUCCESS = True
# Failures within AXES_COOLOFF_TIME for one account from all clients, beyond which only clients
# that have signed in to it before may try; and from one client for all accounts.
SIGNIN_ACCOUNT_FAILURE_LIMIT = 20
SIGNIN_CLIENT_FAILURE_LIMIT = 20
# Records of sign-ins and failed sign-ins (username, address, browser, time) are deleted after
# this many days by `purge_expired_data`, with expired sessions.
SIGNIN_RECORD_RETENTION_DAYS = int(os.environ.get("SIGNIN_RECORD_RETENTION_DAYS", "90"))
# Signed-in admin sessions end 12 hours after sign-in, however busy.
SESSION_COOKIE_AGE = 12 * 60 * 60
# Members' sign-in links (members/signin.py) work once: django-sesame ties each to the last
# sign-in, and work for 30 minutes.
SESAME_ONE_TIME = True
SESAME_MAX_AGE = 30 * 60
# Pages restricted to a group send readers to the members' sign-in, never the admin's.
WAGTAIL_FRONTEND_LOGIN_URL = "/members/sign-in/"
# Models of other projects whose rows no public page shows, by app or model: saving them leaves
# the page cache alone. The portal's own models say so themselves (`shown_on_public_pages`).
PAGE_CACHE_IGNORES = (
    "migrations",
    "admin",
    "auth",
    "contenttypes",
    "sessions",
    "modelsearch",
    "wagtailsearch",
    "wagtailusers",
    "wagtailadmin",
    "django_tasks_database",
    "axes",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
    "wagtailcore.groupapprovaltask",
    "wagtailcore.grouppagepermission",
    "wagtailcore.groupcollectionpermission",
    "wagtailimages.rendition",
)
# The page cache (pagecache/cache.py): anonymous GETs of public pages, dropped on every change.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", default=True)
# The longest an entry is kept, whatever happens (seconds).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", str(60 * 60)))
# How long browsers and shared caches (a CDN) may reuse a page without asking again.
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
# Pages, and what every page shows (the site, menus, settings, lists), are kept until content
# changes, but only processes sharing the cache hear of a change: see production.py.
CACHE_CONTENT = env_bool("CACHE_CONTENT", default=True)

# Admin passwords (the only passwords here): 12 characters or more, not one of the 19,646 most
# common, not too like the username or email, not all digits. Checked wherever a password is
# chosen: the admin's user forms, "change password", password reset and createsuperuser.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    # Uploads on the local disk, images served by the app (portal/media.py); production may keep
    # them in S3 instead (MEDIA_S3_BUCKET).
    "default": {"BACKEND": "portal.media.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Mail: SMTP whenever a host is configured, in every environment.
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Implementation Group <no-reply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=EMAIL_PORT == 587)
    EMAIL_TIMEOUT = 20

# Slow work (sending mail, Wagtail's search and reference index updates) runs in a background
# worker, `manage.py db_worker`, which takes tasks from this database table.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The outbox retries a message the mail server keeps refusing for this long, then marks it failed.
EMAIL_RETRY_DAYS = float(os.environ.get("EMAIL_RETRY_DAYS", "3"))
# Sent and failed emails (bodies, headers, attachments) are deleted after this many days.
EMAIL_RETENTION_DAYS = int(os.environ.get("EMAIL_RETENTION_DAYS", "90"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

# Content-Security-Policy. Public pages run no script and style only from our own files, so
# their policy needs no nonce and suits pages served from a cache. The one inline style, in
# 500.html (which must render even when static files are broken), is allowed by its hash.
ERROR_PAGE_STYLE_HASH = "'sha256-5MEOZq4sx3kh4Cp1atpzlAX9tnLsg6hmFMBdg8CY1pY='"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", ERROR_PAGE_STYLE_HASH],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The admin's live preview frames the site's own pages; no one else may.
        "frame-ancestors": ["'self'"],
    }
}
# Wagtail's admin still writes inline scripts and style attributes in places, and shows
# previews in a frame of its own: under /admin/ (and only there) those are allowed.
ADMIN_CONTENT_SECURITY_POLICY = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "frame-src": ["'self'"],
}
# Features no page of the portal uses are switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

# Page editors can hit Django's 1,000-field limit on long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Invitations to become a member not taken up within this many days are deleted.
MEMBER_INVITATION_RETENTION_DAYS = int(os.environ.get("MEMBER_INVITATION_RETENTION_DAYS", "30"))
# Join requests: closed requests older than this are deleted by `purge_expired_data`.
JOIN_REQUEST_RETENTION_DAYS = int(os.environ.get("JOIN_REQUEST_RETENTION_DAYS", "365"))
# Registrations are deleted this many days after their event; certificate records (name,
# event, hours, number) are kept longer, so that certificates can still be verified.
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "365"))
CERTIFICATE_RETENTION_DAYS = int(os.environ.get("CERTIFICATE_RETENTION_DAYS", str(6 * 365)))
# Addresses or networks of the proxies (load balancer, TLS terminator) in front of the site.
# X-Forwarded-For is read only on connections from these; rate limits and sign-in lock-outs
# count per client address, so behind a proxy this must be set.
if "DJANGO_TRUSTED_PROXY_COUNT" in os.environ:
    raise ImproperlyConfigured(
        "DJANGO_TRUSTED_PROXY_COUNT is no longer read: list the proxies' addresses or networks "
        "in DJANGO_TRUSTED_PROXIES instead, e.g. 10.0.0.0/8,fd00::/8."
    )
try:
    TRUSTED_PROXY_NETWORKS = [
        ipaddress.ip_network(proxy, strict=False) for proxy in env_list("DJANGO_TRUSTED_PROXIES")
    ]
except ValueError as error:
    raise ImproperlyConfigured(f"DJANGO_TRUSTED_PROXIES: {error}") from None
# New and contacted requests older than this are listed on the dashboard for a decision.
JOIN_REQUEST_DECISION_DAYS = int(os.environ.get("JOIN_REQUEST_DECISION_DAYS", "730"))

WAGTAIL_SITE_NAME = "Implementation Group"
# The name authenticator apps show beside the account's code.
OTP_TOTP_ISSUER = WAGTAIL_SITE_NAME
# Event times are entered and shown in UK time, so the admin offers editors no other time zone.
WAGTAIL_USER_TIME_ZONES = ["Europe/London"]
# The admin's date pickers show and read dates the UK way; Django's en-GB input formats accept
# them (and ISO dates), and anything else is refused with an error, never replaced.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        # PostgreSQL: English word forms whatever the server's locale. Naming the configuration
        # also lets PostgreSQL read the words of a search once per query rather than again for
        # each page it checks and ranks: site search for a word in all 10,000 pages went from
        # 183 to 150 ms. SQLite ignores it.
        "SEARCH_CONFIG": "english",
    }
}
# Kept in step with portal.documents.ALLOWED_DOCUMENTS, which also checks each file's content.
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "doc",
    "docx",
    "odt",
    "pdf",
    "ppt",
    "pptx",
    "rtf",
    "txt",
    "xls",
    "xlsx",
    "zip",
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_IMAGE_FORM_BASE = "editorial.forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "editorial.forms.DocumentForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "webp", "bmp": "webp", "webp": "webp"}
WAGTAIL_I18N_ENABLED = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = True
# Reset links are queued in the outbox (outbox/mail.py) like every other email. (S105: the
# value is a class's dotted path, not a password.)
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "portal.signin.OutboxPasswordResetForm"  # noqa: S105
WAGTAILADMIN_COMMENTS_ENABLED = True
# No avatars fetched from gravatar.com: editors' email hashes stay with the portal.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact_tokens": {"()": "people.redaction.RedactTokens"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["redact_tokens"]},
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    # The portal's own apps log at INFO what their docstrings promise (posts the anti-spam
    # defences turn away, mail delivery); other libraries only from WARNING.
    "loggers": {app: {"level": "INFO"} for app in PORTAL_APPS},
}
