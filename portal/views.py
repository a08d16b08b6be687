"""Site-wide views that are not pages: search, robots.txt and the favicon."""

from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from wagtail.models import Page

from portal.models import PortalPageQuerySet
from portal.pagination import cache_page_number
from portal.search import MAX_QUERY_LENGTH, QUERY_TOO_LONG_MESSAGE, plain_words

SEARCH_RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("query", "").strip()
    error = ""
    if len(query) > MAX_QUERY_LENGTH:
        error = QUERY_TOO_LONG_MESSAGE
        query = ""

    words = plain_words(query)
    pages = PortalPageQuerySet(Page)
    results = pages.live().readable_by(request).specific().search(words) if words else pages.none()
    page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))

    return TemplateResponse(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": page,
            "error": error,
            # The page cache keeps only searches' own addresses (`portal/cache.py`).
            "cache_query": {"query": query, "page": cache_page_number(page)},
        },
    )


def robots_txt(request):
    return TemplateResponse(request, "robots.txt", content_type="text/plain")


def favicon(request):
    """Browsers and crawlers ask for /favicon.ico whatever the page says: send them to the icon."""
    return redirect(static("images/favicon.ico"), permanent=True)
