"""The page cache: anonymous GETs of public pages and feeds answered from the shared cache.

What pages show of the site, and rendered fragments of pages (`{% cached_fragment %}`), are kept
the same way for every request, page cache or not: `cached_until_change`.

A response is cached only when its view says so: pages through `BasePage.cache_public_response`
(see `portal/wagtail_hooks.py`), other views with `@cache_public`. Pages that show a form, or
anything that differs between visitors, say no. Requests that carry a session or messages
cookie (editors, anyone who has used a form) are never answered from the cache and never fill it.

Entries are never stale:

- Every entry's key holds the site's current *generation*, a random value kept in the database
  and replaced whenever content changes (`content_changed`, connected below to saves and
  deletes of every model that public pages may show, and to page moves). Replacing
  it drops every entry at once, in every web process, without knowing which pages showed what.
- A view whose content depends on the clock gives the moment it will change (`until`), and its
  entry expires then. `PAGE_CACHE_SECONDS` bounds every entry in any case.

Each entry is built once per change and kept compressed and uncompressed, with an ETag and a
Last-Modified, so conditional requests are answered with 304 from the cache.
"""

import contextvars
import gzip
import hashlib
import logging
import pickle
import re
import time
from contextlib import contextmanager
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe, urlencode
from wagtail.signals import post_page_move

from pagecache.models import PageCacheGeneration

logger = logging.getLogger(__name__)

_accepts_gzip = re.compile(r"\bgzip\b")
# The generation a request works under ({"value": ...}), read once (an anonymous reader's as
# the request starts, in `PageCacheMiddleware`): a page asks for it a dozen times.
_request_generation = contextvars.ContextVar("page_cache_generation", default=None)
# What this process has already read from the shared cache under one generation (values from
# `cached_until_change`, cached pages). An entry under a generation never changes, so the process
# may keep it until the generation moves on: a warm page's dozen menu, settings, breadcrumb and
# fragment lookups, or a cached page, cost no Redis call but the generation. Kept pickled, as the
# shared cache keeps them: each request gets its own copy, so one that changes what it was given
# (a page it serves, say) cannot change what the next one sees. Like the shared cache's own
# entries, they last `PAGE_CACHE_SECONDS` at most.
_this_process = {"generation": None, "values": {}, "size": 0, "since": 0.0}
# Fragments and pages differ by query string: a crawler must not fill a worker's memory.
THIS_PROCESS_MAX_BYTES = 16 * 1024 * 1024


def _setting(name, default):
    return getattr(settings, name, default)


def current_generation():
    """The generation entries are made under, or None when content is not to be cached at all
    (`CACHE_CONTENT`). Read from the database once per request."""
    if not _setting("CACHE_CONTENT", True):
        return None
    held = _request_generation.get()
    if held:
        return held["value"]
    generations = PageCacheGeneration.objects
    generation = generations.order_by("-pk").values_list("value", flat=True).first()
    if generation is None:
        generation = generations.create().value
    if held is not None:
        held["value"] = generation
    return generation


@contextmanager
def generation_read_once():
    """Within this block (a request), the generation is read from the database once, and again
    only after a change made within it."""
    token = _request_generation.set({})
    try:
        yield
    finally:
        _request_generation.reset(token)


def content_changed():
    """Drop every cached response, now and again once the change is committed.

    The generation is a row in the database, written in the same transaction as the change,
    so no change can be missed, as one told only to the shared cache could be (while Redis is
    full, paused or down): making a page private or unpublishing it always takes effect. Now,
    so that the change's own transaction reads afresh; and after the commit, so that a request
    that read the old generation before it cannot keep what it read under the new one. Each
    is an insert, so that changes made at once never wait for each other.
    """
    if transaction.get_connection().in_atomic_block:
        _new_generation()
    # At once outside a transaction.
    transaction.on_commit(_new_committed_generation, robust=True)


def cached_until_change(name, build):
    """`build()`, kept in the cache until content next changes: for what every page shows."""
    generation = current_generation()
    if generation is None:
        return build()
    key = f"pagecache:{generation}:{name}"
    value = _read_shared(generation, key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=_setting("PAGE_CACHE_SECONDS", 60 * 60))
        _keep_in_process(key, value)
    return value


def _read_shared(generation, key):
    """The shared cache's entry for `key`, from this process's copy if it has one (None if
    neither has it)."""
    now = time.time()
    lifetime = _setting("PAGE_CACHE_SECONDS", 60 * 60)
    if _this_process["generation"] != generation or now - _this_process["since"] > lifetime:
        _this_process.update(generation=generation, values={}, size=0, since=now)
    pickled = _this_process["values"].get(key)
    if pickled is not None:
        return pickle.loads(pickled)  # noqa: S301 (written by this process, below)
    value = cache.get(key)
    if value is not None:
        _keep_in_process(key, value)
    return value


def _keep_in_process(key, value):
    pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    if _this_process["size"] + len(pickled) <= THIS_PROCESS_MAX_BYTES:
        _this_process["values"][key] = pickled
        _this_process["size"] += len(pickled)


def next_moment_until_change(name, find_next):
    """`find_next()`: the next moment something changes with the clock (a datetime, or None),
    kept like `cached_until_change`. Once that moment has passed, the one after it is found and
    kept in its turn, so a page asks the database once per moment, not on every request."""
    moment = cached_until_change(name, find_next)
    now = timezone.now()
    while moment is not None and moment <= now:
        moment = cached_until_change(f"{name}:after:{moment.isoformat()}", find_next)
    return moment


def _new_generation():
    held = _request_generation.get()
    if held is not None:
        held.clear()
    return PageCacheGeneration.objects.create()


def _new_committed_generation():
    newest = _new_generation()
    # Earlier rows are never read again: keep some, for transactions still open. Only outside
    # a change's transaction, which would otherwise hold the rows it deleted until it ends, and
    # only now and then.
    if newest.pk % 100 == 0:
        type(newest).objects.filter(pk__lt=newest.pk - 100).delete()


def _is_shown_on_pages(model):
    """Whether a public page may show the model's rows, so that saving one must empty the cache.

    A model says so itself (`shown_on_public_pages = False`, as records of people, the outbox
    and certificates do); models of other projects that cannot are named, by app or model, in
    the PAGE_CACHE_IGNORES setting. Anything else (including models added later) empties the
    cache, which is always safe.
    """
    if model.__module__ == "__fake__":
        # A migration's own copy of a model: `migrate` runs before anything is served, and
        # perhaps before the generation's table exists.
        return False
    declared = getattr(model, "shown_on_public_pages", None)
    if declared is not None:
        return declared
    meta = model._meta
    ignored = _setting("PAGE_CACHE_IGNORES", ())
    return meta.app_label not in ignored and meta.label_lower not in ignored


def _on_model_change(sender, **kwargs):
    if kwargs.get("raw"):
        return  # loaddata: nothing has been served from these rows yet
    if _is_shown_on_pages(sender):
        content_changed()


def _on_relation_change(sender, instance, action, **kwargs):
    # The sender is the hidden table between two models: judge by the model that changed.
    if action.startswith("post_") and _is_shown_on_pages(type(instance)):
        content_changed()


def _on_page_move(sender, **kwargs):
    content_changed()


def connect_signals():
    post_save.connect(_on_model_change, dispatch_uid="pagecache-save")
    post_delete.connect(_on_model_change, dispatch_uid="pagecache-delete")
    m2m_changed.connect(_on_relation_change, dispatch_uid="pagecache-m2m")
    # Moves update tree paths in bulk, without saving each page.
    post_page_move.connect(_on_page_move, dispatch_uid="pagecache-move")


# Which requests and responses may be cached.


def allow_public_caching(response, *, until=None, max_age=None, query=None):
    """Mark `response` as the same for every anonymous visitor until `until` (a datetime).

    `query` is what the response was made for: the query parameters its view read, each with
    the value it used ({name: value or list of values}, or a callable giving that once the
    response is rendered). A response whose template context holds `cache_query` gives that.
    Only a request asking for exactly those parameters and values is kept (empty values count
    as absent, order does not matter), so an unknown parameter (`?v=1`), an invalid value
    (`?type=nonsense`, `?page=999`) or a value written two ways is answered but never stored:
    the cache only ever holds addresses a reader can reach by following links and forms.
    """
    if query is None:
        query = (getattr(response, "context_data", None) or {}).get("cache_query", {})
    response.public_cache = {
        "until": until.timestamp() if until else None,
        "max_age": _setting("PAGE_CACHE_MAX_AGE", 60) if max_age is None else max_age,
        "query": query,
    }
    return response


def query_pairs(request):
    """The request's query parameters as sorted (name, value) pairs, empty values left out."""
    pairs = ((name, value) for name, values in request.GET.lists() for value in values)
    return sorted((name, value) for name, value in pairs if value)


def _made_for(query):
    query = query() if callable(query) else query
    pairs = []
    for name, value in query.items():
        values = value if isinstance(value, list | tuple) else [value]
        pairs += [(name, str(item)) for item in values if item not in (None, "")]
    return sorted(pairs)


def cache_public(view=None, *, until=None, max_age=None):
    """Decorator for views other than pages: `until(request)` gives when the content changes."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                allow_public_caching(
                    response, until=until(request) if until else None, max_age=max_age
                )
            return response

        return wrapped

    return decorator(view) if view else decorator


def is_anonymous_get(request):
    """A GET or HEAD with no session or messages: HEAD is answered from, and fills, the same
    entry as GET, so that it carries the same validators (ETag, Last-Modified)."""
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def _accepts_gzip_encoding(request):
    return bool(_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")))


class CachedResponse:
    """What is kept of a response for one kind of client: its body (gzipped for clients that
    accept it, when that is smaller), headers and validators.

    Each kind has its own entry, so a reader fetches only the body it is sent (the calendar
    feed is 350 KB plain and a tenth of that gzipped).
    """

    @classmethod
    def both(cls, response, *, expires, max_age):
        """The entries for clients without gzip and with it: {False: plain, True: gzip}."""
        content = response.content
        compressed = gzip.compress(content, compresslevel=6, mtime=0) if content else b""
        shared = {
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower()
                not in {"content-length", "content-encoding", "set-cookie", "etag", "last-modified"}
            ],
            "etag": hashlib.md5(content, usedforsecurity=False).hexdigest(),
            # A view that knows when its content last changed (a feed) says so; else it is now.
            "last_modified": parse_http_date_safe(response.get("Last-Modified", ""))
            or int(time.time()),
            "expires": expires,
            "max_age": max_age,
        }
        plain = cls(content, gzipped=False, **shared)
        if len(compressed) < len(content):
            return {False: plain, True: cls(compressed, gzipped=True, **shared)}
        return {False: plain, True: plain}

    def __init__(self, body, gzipped, *, headers, etag, last_modified, expires, max_age):
        self.body = body
        self.gzipped = gzipped
        self.headers = headers
        self.etag = etag
        self.last_modified = last_modified
        self.expires = expires
        self.max_age = max_age

    def response_for(self, request):
        etag = f'"{self.etag}-gzip"' if self.gzipped else f'"{self.etag}"'
        response = HttpResponse(self.body)
        for name, value in self.headers:
            response[name] = value
        if self.gzipped:
            response["Content-Encoding"] = "gzip"
        response["ETag"] = etag
        response["Last-Modified"] = http_date(self.last_modified)
        remaining = int(self.expires - time.time())
        patch_cache_control(response, public=True, max_age=max(0, min(self.max_age, remaining)))
        patch_vary_headers(response, ("Accept-Encoding",))
        return get_conditional_response(
            request, etag=etag, last_modified=self.last_modified, response=response
        )


def _digest(text):
    return hashlib.sha256(text.encode(errors="backslashreplace")).hexdigest()


def _entry_key(request, generation, gzipped):
    url = f"{request.get_host()}{request.path}?{urlencode(query_pairs(request))}"
    encoding = "gzip" if gzipped else "plain"
    return f"pagecache:{generation}:{encoding}:{_digest(url)}"


def _within_variant_bound(request, generation, timeout):
    """Count one more stored variant of this page (one query string); False past the bound.

    Valid values still have no end (every search is its own address): at most
    `PAGE_CACHE_VARIANTS` query strings of one page are kept per generation, the rest answered
    uncached, so a crawler cannot make a page's entries grow without limit.
    """
    if not request.GET:
        return True
    key = f"pagecache:{generation}:variants:{_digest(request.get_host() + request.path)}"
    cache.add(key, 0, timeout=timeout)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted or expired since: count afresh
        cache.set(key, 1, timeout=timeout)
        count = 1
    return count is not None and count <= _setting("PAGE_CACHE_VARIANTS", 100)


class PageCacheMiddleware:
    """Answers anonymous GETs from the cache, and fills it with responses views allow.

    It sits before the session, CSRF and authentication middleware, so a cached answer costs
    one database query: the generation.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with generation_read_once():
            if not is_anonymous_get(request):
                return self.get_response(request)
            # Read before the view runs: whatever it reads from the database is at least as new.
            return self._respond(request, current_generation())

    def _respond(self, request, generation):
        enabled = generation is not None and _setting("PAGE_CACHE_ENABLED", True)
        if enabled:
            accepts_gzip = _accepts_gzip_encoding(request)
            entry = _read_shared(generation, _entry_key(request, generation, accepts_gzip))
            # The shared cache drops an entry when it expires; this process's copy must check.
            if entry is not None and entry.expires > time.time():
                return entry.response_for(request)

        response = self.get_response(request)
        policy = getattr(response, "public_cache", None)
        if (
            policy is None
            or response.status_code != 200
            or response.streaming
            or response.cookies
            or (response.has_header("Cache-Control") and "private" in response["Cache-Control"])
        ):
            return response
        now = time.time()
        timeout = _setting("PAGE_CACHE_SECONDS", 60 * 60)
        if policy["until"] is not None:
            timeout = min(timeout, policy["until"] - now)
        if timeout < 1:
            return response
        if (
            not enabled
            or query_pairs(request) != _made_for(policy["query"])
            or not _within_variant_bound(request, generation, int(timeout))
        ):
            # Still say what a proxy or CDN may do with it.
            patch_cache_control(response, public=True, max_age=int(min(policy["max_age"], timeout)))
            return response
        entries = CachedResponse.both(response, expires=now + timeout, max_age=policy["max_age"])
        cache.set_many(
            {_entry_key(request, generation, gzipped): entry for gzipped, entry in entries.items()},
            timeout=int(timeout),
        )
        return entries[accepts_gzip].response_for(request)
