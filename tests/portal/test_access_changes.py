"""Making a page private, unpublishing or deleting it always takes effect, even when the shared
cache misses the change: the page cache's generation lives in the database, written with the
change. Each test pauses a Redis of its own (SIGSTOP) at the moment of the change, after a
reader's request has found it silent."""

import time

import pytest
from wagtail.models import PageViewRestriction

import pagecache.redis
from tests.home.factories import StandardPageFactory
from tests.redis_server import redis_server  # noqa: F401 - fixture

RETRY_SECONDS = 1


@pytest.fixture(autouse=True)
def page_cache(settings, monkeypatch):
    settings.PAGE_CACHE_ENABLED = True
    monkeypatch.setattr(pagecache.redis, "RETRY_SECONDS", RETRY_SECONDS)


@pytest.fixture
def page(home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Ward rota",
        slug="ward-rota",
        introduction="Night shifts are covered by the outreach team.",
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_private(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def unpublish(page):
    page.unpublish()


def delete(page):
    page.delete()


@pytest.mark.parametrize("change", [make_private, unpublish, delete], ids=lambda c: c.__name__)
def test_a_change_made_while_redis_hangs_still_takes_the_page_off_the_public_site(
    client,
    page,
    redis_server,  # noqa: F811 - the fixture imported above
    change,
):
    url = page.url
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200  # now from the cache
    assert list(redis_server.client.scan_iter("*pagecache:*:plain:*"))

    with redis_server.paused():
        # A reader meanwhile: the cache's call times out, and each process then leaves Redis
        # alone for a few seconds, so the change made next cannot tell it.
        assert client.get(url).status_code == 200
        change(page)
    time.sleep(RETRY_SECONDS + 0.1)  # Redis is asked again

    response = client.get(url)
    # Gone (404), or private: a members-only notice with the title alone (403), or sign-in (302).
    assert response.status_code in (302, 403, 404)
    assert b"Night shifts are covered" not in response.content
