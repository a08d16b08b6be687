"""Admin URLs and serving hooks that belong to no single content app: the second factor's
pages, and the page cache."""

from wagtail import hooks

from pagecache.cache import allow_public_caching
from portal import second_factor


@hooks.register("register_admin_urls")
def second_factor_urls():
    return second_factor.urls()


@hooks.register("on_serve_page")
def mark_public_pages_cacheable(serve_page):
    """Let the page cache keep what a page serves, when the page says every reader sees the same.

    Restricted pages never get here for anonymous readers: Wagtail answers them with a login
    redirect or a password form first.
    """

    def serve(page, request, args, kwargs):
        response = serve_page(page, request, args, kwargs)
        cacheable = getattr(page, "cache_public_response", None)
        if response.status_code == 200 and cacheable and cacheable(request):
            allow_public_caching(response, until=page.cache_expires_at(request))
        return response

    return serve
