"""A flood of anonymous GETs cannot turn the page cache against the site.

The cache keeps only addresses a reader can reach (known parameters with valid values, a
bounded number per page), and rate limits live in the database, so a Redis filled to its cap
neither lifts them nor loses them. Each test runs its own `redis-server`.
"""

import pytest
from wagtail.models import Page

from membership.views import JOIN_RATE_LIMIT
from tests.membership.conftest import answers as join_answers  # noqa: F401 - fixture
from tests.redis_server import capped_redis_server, redis_server  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


def stored_pages(server):
    return sum(1 for key in server.client.scan_iter("*pagecache:*:plain:*"))


def full(server):
    memory = server.info("memory")
    return server.info("stats")["evicted_keys"] or memory["used_memory"] > 0.9 * memory["maxmemory"]


@pytest.mark.parametrize(
    "capped_redis_server", ["noeviction", "allkeys-lru"], indirect=True, ids=lambda p: p
)
def test_the_join_limit_still_refuses_once_unique_gets_have_filled_the_cache(
    client,
    demo_home,
    capped_redis_server,  # noqa: F811 - the fixture imported above
    join_answers,  # noqa: F811 - the fixture imported above
):
    server = capped_redis_server
    join_url = Page.objects.get(slug="join").url
    searches = iter(range(100_000))

    def flood(gets):
        # Every search is a reachable address, and each is a page of its own.
        for _ in range(gets):
            assert client.get(f"/search/?query=meeting{next(searches)}").status_code == 200

    while not full(server):
        flood(10)
    statuses = []
    for _ in range(JOIN_RATE_LIMIT.limit + 1):
        statuses.append(client.post(join_url, join_answers | {"consent": ""}).status_code)
        flood(3)

    assert statuses == [200] * JOIN_RATE_LIMIT.limit + [429]


def test_unknown_parameters_and_invalid_values_are_answered_but_never_stored(
    client,
    demo_home,
    redis_server,  # noqa: F811 - the fixture imported above
):
    urls = [
        "/",
        "/events/",
        "/resources/",
        "/search/?query=meeting",
        "/events/feed.ics",
        "/trials/?stage=audited",
    ]
    for url in urls:
        assert client.get(url).status_code == 200
    stored = stored_pages(redis_server)
    assert stored == len(urls)

    crafted = [
        "/events/feed.ics?v=1",
        "/?utm_source=newsletter",
        "/events/?type=no-such-type",
        "/events/?page=999",
        "/events/?page=1",
        "/resources/?topic=no-such-topic",
        "/resources/?year=1066",
        "/resources/?sort=random",
        "/search/?query=meeting&x=1",
        "/search/?query=meeting&page=abc",
        "/search/?query=%20meeting%20",
        "/trials/?stage=no-such-stage",
        "/trials/?stage=audited&stage=audited",
    ]
    statuses = {url: client.get(url).status_code for url in crafted}

    assert statuses == dict.fromkeys(crafted, 200)
    assert stored_pages(redis_server) == stored
    # The same answer for the same reachable address in another order is the same entry.
    client.get("/search/?page=1&query=meeting")
    assert stored_pages(redis_server) == stored


def test_valid_variants_of_one_page_are_kept_up_to_a_bound(
    client,
    demo_home,
    redis_server,  # noqa: F811 - the fixture imported above
    settings,
):
    settings.PAGE_CACHE_VARIANTS = 5

    for n in range(12):
        assert client.get(f"/search/?query=word{n}").status_code == 200

    assert stored_pages(redis_server) == 5
    # Past the bound a search is still answered, and a kept one still comes from the cache.
    assert client.get("/search/?query=word11").status_code == 200
    assert "word0" in client.get("/search/?query=word0").content.decode()
