"""Middleware: the health check, answered before Django's host and HTTPS checks, the CSP, and
the cached site lookup."""

import hashlib
import uuid

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse
from wagtail.models import Site

from pagecache.cache import cached_until_change, is_anonymous_get

HEALTH_CHECK_PATH = "/healthz"


def database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return False
    return True


def cache_answers():
    """Write and read back a fresh value: the Redis cache reads its own errors as misses."""
    probe = uuid.uuid4().hex
    try:
        cache.set("healthz", probe, timeout=30)
        return cache.get("healthz") == probe
    except Exception:  # noqa: BLE001 - any cache backend, any failure: the answer is "down"
        return False


class HealthCheckMiddleware:
    """Answers /healthz, naming in its body any dependency that is down.

    503 when the database does not answer, since no page can be served. A cache outage only
    slows pages, so the answer stays 200, with "degraded" in the body
    for monitoring to alert on, rather than a load balancer taking every server out of service.

    It sits first so that container and load-balancer probes, which call the server by its
    internal address over plain HTTP, are not refused by ALLOWED_HOSTS or redirected to HTTPS.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_CHECK_PATH:
            return self.get_response(request)
        down = [
            name
            for name, answers in (("database", database_answers), ("cache", cache_answers))
            if not answers()
        ]
        if not down:
            return HttpResponse("ok\n", content_type="text/plain")
        body = "".join(f"{name} unavailable\n" for name in down)
        if "database" in down:
            return HttpResponse(body, status=503, content_type="text/plain")
        return HttpResponse("degraded\n" + body, content_type="text/plain")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy for every address under /admin/."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        return parts


class SiteMiddleware:
    """Finds an anonymous reader's Wagtail site in the shared cache rather than the database.

    Wagtail looks the site up by host name on every request and keeps it on the request
    (`Site.find_for_request` documents `request._wagtail_site` as that place). This fills it
    from the cache, with the home page already in its own type, so routing a page, the menu and
    the site settings start without a query. The entry goes with any change to content or
    sites (`pagecache/cache.py`). Editors and anyone with a session get a fresh lookup.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_anonymous_get(request):
            # get_host() turns away a host that is not allowed, as CommonMiddleware would.
            host = f"{request.get_host()}:{request.get_port()}"
            key = "site:" + hashlib.sha256(host.encode()).hexdigest()
            site = cached_until_change(key, lambda: _site_with_specific_root(request))
            if site is not None:
                request._wagtail_site = site
        return self.get_response(request)


def _site_with_specific_root(request):
    site = Site.find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
