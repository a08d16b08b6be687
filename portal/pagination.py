"""Pages of listings, worked out only when a template first shows them."""

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject


def lazy_page(items, per_page, number):
    """Page `number` of what `items()` returns (a number that is not a page shows the first or
    last page).

    The listing is built and its queries run when a template first reads the page, so a listing
    kept in a cached fragment (`{% cached_fragment %}`) costs none of that.
    """
    return SimpleLazyObject(lambda: Paginator(items(), per_page).get_page(number))


def cache_page_number(page):
    """The `page` parameter that addresses `page` (None for the first), for the page cache."""
    return page.number if page.number > 1 else None
