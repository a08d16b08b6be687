"""The page cache answers anonymous readers without the database, and is never stale.

Each test reads a page once (filling the cache), changes something the page shows in the way an
editor or a scheduled job would, and reads it again as a reader.
"""

import gzip
import logging
from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

import pagecache.cache
from events.dates import UK_TIME
from events.models import EventType
from portal.models import SiteSettings
from tests.events.factories import EventPageFactory
from tests.home.factories import StandardPageFactory
from tests.library.factories import (
    DocumentFactory,
    LibraryIndexPageFactory,
    ResourceDocumentFactory,
    ResourcePageFactory,
)
from tests.membership.factories import JoinPageFactory

NOW = datetime(2026, 4, 14, 12, 0, tzinfo=UK_TIME)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(NOW, tick=False)
    return time_machine


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


@pytest.fixture(autouse=True)
def site_settings(home_page):
    # Made on the first page view otherwise, which counts as a change.
    return SiteSettings.for_site(Site.objects.get())


def read_twice(client, url):
    """Read `url` twice; the second answer must come from the cache, with one query: the
    generation."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert len(queries) == 1, f"{url} was not answered from the cache"
    return response


def test_a_second_reader_gets_the_page_from_the_cache_with_headers_a_cdn_can_use(client, home_page):
    response = read_twice(client, "/")

    assert response.status_code == 200
    assert "Test group" in text(response)
    assert response["Cache-Control"] == "public, max-age=60"
    assert not response.cookies
    again = client.get("/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert not again.content


def test_without_a_shared_cache_a_change_made_by_another_process_shows_at_once(
    client, home_page, settings
):
    # As production runs without REDIS_URL: another worker's change could not reach this one.
    settings.CACHE_CONTENT = False
    client.get("/")
    # A change this process hears nothing of, as one saved through another worker.
    type(home_page).objects.filter(pk=home_page.pk).update(hero_title="Changed elsewhere")

    assert "Changed elsewhere" in text(client.get("/"))


def test_a_reader_s_request_asks_the_shared_cache_nothing_once_warm(
    client, home_page, settings, monkeypatch
):
    # Each shared-cache read is a Redis call in production. The site, its settings, the menu and
    # the page's fragments were read under this generation by the first request, and the
    # process keeps them until it changes; the generation itself is read from the database.
    settings.PAGE_CACHE_ENABLED = False
    asked = []
    real_get = pagecache.cache.cache.get

    def get(key, *args, **kwargs):
        asked.append(key)
        return real_get(key, *args, **kwargs)

    client.get("/")
    monkeypatch.setattr(pagecache.cache.cache, "get", get)
    response = client.get("/")

    assert response.status_code == 200
    assert not [key for key in asked if key.startswith("pagecache:")]


def test_a_worker_answers_a_cached_page_it_has_served_without_asking_the_shared_cache(
    client, home_page, monkeypatch
):
    read_twice(client, "/")
    asked = []
    real_get = pagecache.cache.cache.get

    def get(key, *args, **kwargs):
        asked.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(pagecache.cache.cache, "get", get)
    response = client.get("/")

    assert "Test group" in text(response)
    assert asked == []


def test_pages_are_gzipped_for_clients_that_accept_it(client, home_page):
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_readers_with_and_without_gzip_both_get_the_page_from_the_cache(client, home_page):
    plain = client.get("/").content
    with CaptureQueriesContext(connection) as queries:
        zipped = client.get("/", HTTP_ACCEPT_ENCODING="gzip")
        again = client.get("/")

    assert len(queries) == 2  # the generation, for each
    assert gzip.decompress(zipped.content) == plain
    assert again.content == plain
    assert not again.has_header("Content-Encoding")


def test_the_events_listing_with_its_sign_up_form_sets_no_cookie_and_is_cached(
    client, events_index
):
    response = read_twice(client, "/events/")

    assert "Get an email about new events" in text(response)
    assert not response.cookies
    assert "public" in response["Cache-Control"]


def test_publishing_a_change_shows_at_once(client, home_page):
    read_twice(client, "/")

    home_page.hero_title = "Renamed group"
    home_page.save_revision().publish()

    assert "Renamed group" in text(client.get("/"))


def test_unpublishing_deleting_and_moving_pages_show_at_once(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    team = StandardPageFactory(parent=home_page, title="Team", slug="team")
    history = StandardPageFactory(parent=about, title="History", slug="history")
    for url in ("/about/", "/team/", "/about/history/"):
        read_twice(client, url)

    about.unpublish()
    team.delete()
    history.move(home_page, pos="last-child")

    assert client.get("/about/").status_code == 404
    assert client.get("/team/").status_code == 404
    assert client.get("/about/history/")["Location"] == "/history/"
    assert "History" in text(client.get("/history/"))


def test_expiry_by_the_scheduler_shows_at_once(client, clock, home_page):
    page = StandardPageFactory(parent=home_page, title="Call for papers", slug="call")
    page.expire_at = NOW + timedelta(hours=1)
    page.save()
    read_twice(client, "/call/")

    clock.move_to(NOW + timedelta(hours=2))
    call_command("publish_scheduled")

    assert client.get("/call/").status_code == 404


def test_changes_to_snippets_settings_and_documents_show_at_once(
    client, events_index, library, site_settings
):
    event = EventPageFactory(parent=events_index, title="Spring meeting")
    resource = ResourcePageFactory(parent=library, title="Toolkit")
    document = DocumentFactory(title="Old slides")
    ResourceDocumentFactory(page=resource, document=document)
    for url in ("/events/", event.url, resource.url):
        read_twice(client, url)

    meeting = EventType.objects.get(slug="meeting")
    meeting.name = "Quarterly meeting"
    meeting.save()
    site_settings.group_name = "Renamed network"
    site_settings.save()
    document.title = "New slides"
    document.save()

    assert "Quarterly meeting" in text(client.get("/events/"))
    assert "Renamed network" in text(client.get(event.url))
    assert "New slides" in text(client.get(resource.url))


@pytest.fixture
def library(home_page):
    return LibraryIndexPageFactory(parent=home_page)


def test_an_event_never_shows_as_upcoming_after_it_ends_because_of_the_cache(
    client, clock, events_index
):
    EventPageFactory(
        parent=events_index,
        title="Spring meeting",
        start=NOW + timedelta(hours=1),
        end=NOW + timedelta(hours=3),
    )
    assert "Spring meeting" in text(read_twice(client, "/events/"))
    assert "Spring meeting" in text(read_twice(client, "/"))
    assert "Spring meeting" not in text(read_twice(client, "/events/past/"))

    clock.move_to(NOW + timedelta(hours=3, seconds=1))

    assert "Spring meeting" not in text(client.get("/events/"))
    assert "Spring meeting" not in text(client.get("/"))
    assert "Spring meeting" in text(client.get("/events/past/"))


def test_a_funding_opportunity_shows_closed_from_midnight_after_its_closing_date(
    client, clock, library
):
    resource = ResourcePageFactory(parent=library, title="Seed grants")
    resource.resource_type.has_closing_date = True
    resource.resource_type.save()
    resource.closing_date = NOW.date()
    resource.save_revision().publish()
    assert "Closes on" in text(read_twice(client, resource.url))

    clock.move_to(datetime(2026, 4, 15, 0, 0, 1, tzinfo=UK_TIME))

    assert "Closed on" in text(client.get(resource.url))


def test_editors_and_readers_with_a_session_are_never_served_from_the_cache(
    client, home_page, django_user_model
):
    read_twice(client, "/")
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(editor)

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")

    assert len(queries) > 0
    assert "public" not in response.get("Cache-Control", "")


def test_the_join_form_is_not_cached(client, home_page):
    JoinPageFactory(parent=home_page)
    client.get("/join/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/join/")

    assert len(queries) > 0
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("path", ["/events/feed.ics", "event.ics", "library feed", "/sitemap.xml"])
def test_feeds_and_the_sitemap_are_built_once_per_change_and_answer_304(
    client, events_index, library, path
):
    event = EventPageFactory(parent=events_index, title="Spring meeting")
    ResourcePageFactory(parent=library, title="Toolkit")
    url = {"event.ics": event.url + "ics/", "library feed": library.url + "feed/"}.get(path, path)

    first = read_twice(client, url)
    assert first["ETag"]
    assert first["Last-Modified"]
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304

    event.title = "Summer meeting"
    event.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    if path == "library feed":
        assert changed.status_code == 304, "the library feed does not show events"
    else:
        assert changed.status_code == 200
        assert changed["ETag"] != first["ETag"]


@pytest.mark.parametrize("path", ["/events/feed.ics", "library feed", "/sitemap.xml"])
@pytest.mark.parametrize("first_method", ["get", "head"])
def test_head_on_feeds_and_the_sitemap_sends_the_same_validators_as_get(
    client, events_index, library, path, first_method
):
    # Feed readers and crawlers check for changes with HEAD, then ask with If-None-Match.
    EventPageFactory(parent=events_index, title="Spring meeting")
    ResourcePageFactory(parent=library, title="Toolkit")
    url = library.url + "feed/" if path == "library feed" else path
    second_method = "head" if first_method == "get" else "get"

    first = getattr(client, first_method)(url)
    second = getattr(client, second_method)(url)
    head = first if first_method == "head" else second

    assert head.status_code == 200
    assert not head.content
    assert head["ETag"] == first["ETag"] == second["ETag"]
    assert head["Last-Modified"] == first["Last-Modified"] == second["Last-Modified"]
    assert client.head(url, HTTP_IF_NONE_MATCH=head["ETag"]).status_code == 304


def test_a_change_made_with_the_cache_up_logs_nothing(home_page, caplog):
    home_page.hero_title = "Changed"

    with caplog.at_level(logging.ERROR, logger="pagecache.cache"):
        home_page.save_revision().publish()

    assert caplog.messages == []
