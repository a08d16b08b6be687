"""With the Redis cache stopped or hanging, every public page and both forms still answer.

"Stopped" is a loopback port that refuses connections; "hanging" is a listener that accepts
connections and never says a word, like a Redis stuck on a full disk.
"""

import logging
import socket
import threading
import time

import pytest
from wagtail.models import Page

from config.settings.base import redis_cache
from membership.models import JoinRequest
from membership.views import JOIN_RATE_LIMIT
from notifications.models import Subscriber
from pagecache.cache import current_generation
from tests.mail_server import refused_port
from tests.membership.conftest import answers as join_answers  # noqa: F401 - fixture
from tests.notifications.conftest import answers as signup_answers  # noqa: F401 - fixture

# A cache call costs at most its socket timeout, and after one fails the cache is left alone.
SLOWEST_ANSWER_SECONDS = 2


class SilentListener:
    """A loopback port that accepts connections, counts them and never replies."""

    def __init__(self):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("127.0.0.1", 0))
        self.socket.listen(64)
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]
        self.connections = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self.stopping.is_set():
            try:
                self.connections.append(self.socket.accept()[0])
            except OSError:  # the timeout: look at `stopping` again
                continue

    def close(self):
        self.stopping.set()
        self.thread.join()
        for connection in self.connections:
            connection.close()
        self.socket.close()


@pytest.fixture
def silent_listener():
    listener = SilentListener()
    yield listener
    listener.close()


@pytest.fixture(params=["stopped", "hanging"])
def redis_down(request, settings):
    if request.param == "stopped":
        with refused_port() as port:
            settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{port}/3")}
            yield request.param
    else:
        port = request.getfixturevalue("silent_listener").port
        settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{port}/3")}
        yield request.param


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def test_every_public_page_answers(client, demo_home, redis_down):
    urls = [page.url for page in Page.objects.live().public().specific() if page.url]
    urls += ["/notifications/", "/search/?query=meeting", "/events/feed.ics", "/sitemap.xml"]

    answers = {url: timed_get(client, url) for url in urls}

    assert {url: r.status_code for url, (r, _) in answers.items() if r.status_code != 200} == {}
    slowest = max(seconds for _, seconds in answers.values())
    assert slowest < SLOWEST_ANSWER_SECONDS, slowest


def test_a_hanging_cache_is_left_alone_after_it_fails_to_answer(
    client, demo_home, silent_listener, settings, caplog
):
    settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{silent_listener.port}/3")}
    urls = ["/", "/events/", "/notifications/", "/search/?query=meeting", "/sitemap.xml"]

    with caplog.at_level(logging.WARNING, logger="portal"):
        statuses = [client.get(url).status_code for url in urls]

    assert statuses == [200] * len(urls)
    # One call waited for the cache; every other call of these pages was read as a miss at once.
    assert len(silent_listener.connections) == 1
    assert sum("The cache did not answer" in message for message in caplog.messages) == 1


def test_the_join_form_is_accepted_and_its_rate_limit_still_holds(
    client,
    demo_home,
    redis_down,
    join_answers,  # noqa: F811 - the fixture imported above
    smtp_server,
):
    join_url = Page.objects.get(slug="join").url
    response = client.post(join_url, join_answers)

    assert response.status_code == 302
    assert response["Location"].endswith("/thank-you/")
    assert JoinRequest.objects.count() == 1
    # Rate limits count in the database: a cache that is down lifts none of them.
    refused = [
        client.post(join_url, join_answers | {"consent": ""}).status_code
        for _ in range(JOIN_RATE_LIMIT.limit)
    ]
    assert refused[-1] == 429


def test_the_sign_up_form_is_accepted(
    client,
    demo_home,
    redis_down,
    signup_answers,  # noqa: F811 - the fixture imported above
    smtp_server,
):
    response = client.post("/notifications/", signup_answers)

    assert response.status_code == 302
    assert Subscriber.objects.count() == 1


def test_healthz_names_the_cache_as_down_but_keeps_serving(client, db, redis_down):
    response, seconds = timed_get(client, "/healthz")

    assert response.status_code == 200
    assert response.content == b"degraded\ncache unavailable\n"
    assert seconds < SLOWEST_ANSWER_SECONDS


def test_a_change_made_while_the_cache_is_down_is_recorded_in_the_database(
    demo_home, redis_down, caplog
):
    generation = current_generation()
    demo_home.hero_title = "Changed during the outage"

    with caplog.at_level(logging.ERROR, logger="pagecache.cache"):
        demo_home.save_revision().publish()

    assert current_generation() != generation
    assert caplog.messages == []
