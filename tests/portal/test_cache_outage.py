"""With the Redis cache stopped or hanging, every public page and both forms still answer.

"Stopped" is a loopback port that refuses connections; "hanging" is a listener that accepts
connections and never says a word, like a Redis stuck on a full disk.
"""

import logging
import socket
import time

import pytest
from wagtail.models import Page

from membership.models import JoinRequest
from notifications.models import Subscriber
from portal.settings.base import redis_cache
from tests.mail_server import refused_port
from tests.membership.conftest import answers as join_answers  # noqa: F401 - fixture
from tests.notifications.conftest import answers as signup_answers  # noqa: F401 - fixture

# Each cache call costs at most its socket timeout; a page makes a few.
SLOWEST_ANSWER_SECONDS = 2


@pytest.fixture
def silent_port():
    """A loopback port that accepts connections and never replies."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        yield sock.getsockname()[1]


@pytest.fixture(params=["stopped", "hanging"])
def redis_down(request, settings):
    if request.param == "stopped":
        with refused_port() as port:
            settings.CACHES = {"default": redis_cache(f"redis://127.0.0.1:{port}/3")}
            yield request.param
    else:
        port = request.getfixturevalue("silent_port")
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


def test_the_join_form_is_accepted_and_the_rate_limit_lifted_with_a_log_line(
    client,
    demo_home,
    redis_down,
    join_answers,  # noqa: F811 - the fixture imported above
    smtp_server,
    caplog,
):
    join_url = Page.objects.get(slug="join").url
    with caplog.at_level(logging.WARNING, logger="portal"):
        response = client.post(join_url, join_answers)

    assert response.status_code == 302
    assert response["Location"].endswith("/thank-you/")
    assert JoinRequest.objects.count() == 1
    assert "Rate limit join not applied: the cache did not answer." in caplog.messages


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
