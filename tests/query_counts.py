"""Counting the queries a reader's request runs, and building the many pages to count them with.

Every public page type runs at most `MAX_QUERIES` queries with the page cache off, and the same
number with `FEW` items as with `MANY` (docs/performance.md). A request is counted the second
time it is made: the first fills what any earlier visitor would have filled (the site, menu,
settings and breadcrumbs in the shared cache, content types in each process).
"""

import uuid

from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page, Site

from pagecache.cache import content_changed
from portal.models import SiteSettings

# 12, and one more since the page cache's generation is read from the database.
MAX_QUERIES = 13
FEW = 10
MANY = 1000


def warm_queries(client, url, params=None):
    """The SQL of a repeated anonymous GET of `url`, which must succeed."""
    # A site has its settings saved long before: made on the first visit, they would count as
    # a change and empty the caches the warm-up fills.
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    client.get(url, params)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return [query["sql"] for query in queries.captured_queries]


def query_counts(client, requests):
    """{name: queries} for each `name: (url, params)`, each within `MAX_QUERIES`.

    A request over the bound fails with its SQL, so the message says what to cut.
    """
    counts = {}
    for name, (url, params) in requests.items():
        sql = warm_queries(client, url, params)
        assert len(sql) <= MAX_QUERIES, f"{name} ({url}) ran {len(sql)} queries:\n" + "\n".join(sql)
        counts[name] = len(sql)
    return counts


def add_live_pages(parent, pages):
    """Put unsaved `pages` (all of one type) under `parent` as live pages, in a few queries.

    What an import would do, at a speed that lets a test build a thousand pages: no revisions,
    log entries or search index entries (tests that search create their matches through the
    factories). Django cannot bulk-create a model with a parent table, so the `Page` rows are
    bulk-created and each page's own row is inserted alone with `save_base(raw=True)`, which
    writes only that table, as `loaddata` does. Returns the pages, saved.
    """
    parent.refresh_from_db()
    last = parent.get_last_child()
    first = int(last.path[-Page.steplen :], 36) + 1 if last else 1
    now = timezone.now()
    rows = Page.objects.bulk_create(
        Page(
            title=page.title,
            draft_title=page.title,
            slug=page.slug,
            content_type_id=page.content_type_id,
            locale_id=parent.locale_id,
            path=parent.path + _step(first + number),
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{page.slug}/",
            live=True,
            first_published_at=page.first_published_at or now,
            last_published_at=now,
            translation_key=uuid.uuid4(),
        )
        for number, page in enumerate(pages)
    )
    for page, row in zip(pages, rows, strict=True):
        for field in Page._meta.concrete_fields:
            setattr(page, field.attname, getattr(row, field.attname))
        page.page_ptr_id = row.pk
        page.save_base(raw=True, force_insert=True)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    content_changed()  # as any import must: the raw saves do not
    return pages


def _step(number):
    """One step of a tree path: `number` in base 36, four digits, as treebeard writes it."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    step = ""
    for _ in range(Page.steplen):
        number, digit = divmod(number, 36)
        step = digits[digit] + step
    return step
