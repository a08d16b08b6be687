"""Pages of listings, worked out only when a template first shows them."""

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject


def lazy_page(items, per_page, number):
    """Page `number` of `items` (a number that is not a page shows the first or last page).

    Its queries run when a template first reads it, so a listing kept in a cached fragment
    (`{% cached_fragment %}`) costs none.
    """
    return SimpleLazyObject(lambda: Paginator(items, per_page).get_page(number))
