"""Middleware that must answer before Django's host and HTTPS checks."""

from django.db import DatabaseError, connection
from django.http import HttpResponse

HEALTH_CHECK_PATH = "/healthz"


class HealthCheckMiddleware:
    """Answers /healthz: 200 when the database answers, 503 otherwise.

    It sits first so that container and load-balancer probes, which call the server by its
    internal address over plain HTTP, are not refused by ALLOWED_HOSTS or redirected to HTTPS.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != HEALTH_CHECK_PATH:
            return self.get_response(request)
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
        except DatabaseError:
            return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
        return HttpResponse("ok\n", content_type="text/plain")
