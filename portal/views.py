"""Site-wide views that are not pages: search, health check, robots.txt."""

from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.template.response import TemplateResponse
from wagtail.models import Page

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("query", "").strip()
    error = ""
    if len(query) > MAX_QUERY_LENGTH:
        error = f"Please search for {MAX_QUERY_LENGTH} characters or fewer."
        query = ""

    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().specific().search(query)
    page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))

    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page, "error": error},
    )


def healthz(request):
    """200 when the database answers, 503 otherwise: for load balancers and container checks."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def robots_txt(request):
    return TemplateResponse(request, "robots.txt", content_type="text/plain")
