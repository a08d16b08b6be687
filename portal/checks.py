"""Deployment checks of our own, shown by `manage.py check --deploy` beside Django's."""

from django.conf import settings
from django.core import checks

PER_PROCESS_CACHES = {
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
}


@checks.register(checks.Tags.security, deploy=True)
def shared_cache(app_configs, **kwargs):
    """Pages, menus and settings are cached only in a cache every worker shares."""
    if settings.CACHES["default"]["BACKEND"] not in PER_PROCESS_CACHES:
        return []
    return [
        checks.Warning(
            "The cache is kept in each process, so pages, menus and settings are read from the "
            "database on every request.",
            hint="Set REDIS_URL to a Redis server shared by all workers.",
            id="portal.W001",
        )
    ]


@checks.register(checks.Tags.security, deploy=True)
def proxy_without_trusted_proxies(app_configs, **kwargs):
    """Behind a proxy every request comes from the proxy's address: all visitors are one client."""
    if not getattr(settings, "SECURE_PROXY_SSL_HEADER", None) or settings.TRUSTED_PROXY_NETWORKS:
        return []
    return [
        checks.Warning(
            "DJANGO_BEHIND_TLS_PROXY is set but DJANGO_TRUSTED_PROXIES is not, so every request "
            "seems to come from the proxy: the whole site counts as one client for rate limits "
            "and sign-in lock-outs, and a few wrong passwords pause sign-in for everyone.",
            hint="Set DJANGO_TRUSTED_PROXIES to the proxies' addresses or networks, "
            "e.g. 10.0.0.0/8.",
            id="portal.W002",
        )
    ]
