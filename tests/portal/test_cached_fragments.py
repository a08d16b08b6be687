"""With the page cache off (editors, readers with a session, a missed page), pages still keep
their costly parts (listings, cards, forms, a page's content) as rendered fragments until
content changes. Each test reads a page once, changes what it shows as an editor, a scheduled
job or the clock would, and reads it again.
"""

import time
from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

import pagecache.cache
from events.dates import UK_TIME
from portal.antispam import sign_timestamp
from portal.models import SiteSettings
from tests.events.factories import EventPageFactory
from tests.home.factories import StandardPageFactory
from tests.library.factories import LibraryIndexPageFactory, ResourcePageFactory, topic

NOW = datetime(2026, 4, 14, 12, 0, tzinfo=UK_TIME)


@pytest.fixture(autouse=True)
def page_cache_off(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.CACHE_CONTENT = True


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(NOW, tick=False)
    return time_machine


@pytest.fixture
def library(home_page):
    return LibraryIndexPageFactory(parent=home_page)


def text(response):
    return BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)


def read_twice(client, url):
    """Read `url` twice; the second time its fragments come from the cache."""
    client.get(url)
    return client.get(url)


def publish(page):
    page.save_revision().publish()


# The tag itself.


def render(source, **context):
    request = RequestFactory().get("/")
    return Template("{% load portal_tags %}" + source).render(
        Context({"request": request, **context})
    )


class Counter:
    def __init__(self):
        self.count = 0

    def __str__(self):
        self.count += 1
        return str(self.count)


def test_a_fragment_is_rendered_once_until_content_changes(db):
    counter = Counter()
    fragment = '{% cached_fragment "counter" %}{{ counter }}{% endcached_fragment %}'

    assert render(fragment, counter=counter) == "1"
    assert render(fragment, counter=counter) == "1"
    pagecache.cache.content_changed()
    assert render(fragment, counter=counter) == "2"


def test_a_fragment_is_kept_for_each_value_it_varies_on(db):
    counter = Counter()
    fragment = '{% cached_fragment "counter" n %}{{ counter }}{% endcached_fragment %}'

    assert [render(fragment, counter=counter, n=n) for n in (1, 2, 1, 2)] == ["1", "2", "1", "2"]


def test_a_fragment_is_rendered_afresh_for_previews_and_without_a_shared_cache(db, settings):
    counter = Counter()
    fragment = '{% cached_fragment "counter" %}{{ counter }}{% endcached_fragment %}'
    preview = RequestFactory().get("/")
    preview.is_preview = True
    template = Template("{% load portal_tags %}" + fragment)

    assert render(fragment, counter=counter) == "1"
    assert template.render(Context({"request": preview, "counter": counter})) == "2"
    settings.CACHE_CONTENT = False
    assert render(fragment, counter=counter) == "3"


def test_what_one_request_changes_in_a_kept_value_the_next_does_not_see(db):
    first = pagecache.cache.cached_until_change("list", lambda: ["kept"])
    first.append("changed by the first request")

    assert pagecache.cache.cached_until_change("list", lambda: ["built again"]) == ["kept"]


def test_another_worker_gets_fragments_from_the_shared_cache(client, events_index):
    EventPageFactory.create_batch(3, parent=events_index)
    read_twice(client, "/events/")  # the first view also makes the site's settings
    with CaptureQueriesContext(connection) as warm:
        client.get("/events/")
    # A worker that has not served this generation yet, with the shared cache already filled.
    pagecache.cache._this_process.update(generation=None, values={}, size=0, since=0.0)
    with CaptureQueriesContext(connection) as other_worker:
        response = client.get("/events/")

    assert response.status_code == 200
    assert len(other_worker) == len(warm)


def test_a_worker_keeps_a_bounded_amount_of_fragments(client, library, monkeypatch):
    monkeypatch.setattr(pagecache.cache, "THIS_PROCESS_MAX_BYTES", 50_000)
    for number in range(40):
        client.get(library.url, {"q": f"word{number}"})

    assert pagecache.cache._this_process["size"] <= 50_000
    assert client.get(library.url, {"q": "word1"}).status_code == 200


# Pages: a change shows on the next request.


def test_a_renamed_event_shows_in_the_listing_the_home_page_and_its_own_page(client, events_index):
    event = EventPageFactory(parent=events_index, title="Spring meeting")
    for url in ("/events/", "/", event.url):
        assert "Spring meeting" in text(read_twice(client, url))

    event.title = "Summer meeting"
    event.body = [("paragraph", "<p>New agenda.</p>")]
    publish(event)

    for url in ("/events/", "/", event.url):
        assert "Summer meeting" in text(client.get(url)), url
    assert "New agenda." in text(client.get(event.url))


def test_a_changed_resource_shows_in_the_library_and_on_its_page(client, library):
    resource = ResourcePageFactory(parent=library, title="Sedation toolkit")
    assert "Sedation toolkit" in text(read_twice(client, library.url))
    assert "Sedation toolkit" in text(read_twice(client, resource.url))

    resource.title = "Delirium toolkit"
    publish(resource)

    assert "Delirium toolkit" in text(client.get(library.url))
    assert "Delirium toolkit" in text(client.get(resource.url))


def test_a_new_resource_shows_in_related_resources_on_the_next_request(client, library):
    first = ResourcePageFactory(parent=library, title="First toolkit", topics=[topic("trials")])
    read_twice(client, first.url)

    ResourcePageFactory(parent=library, title="Second toolkit", topics=[topic("trials")])

    assert "Second toolkit" in text(client.get(first.url))


def test_a_filtered_library_listing_shows_a_new_match_on_the_next_request(client, library):
    ResourcePageFactory(parent=library, title="Sedation toolkit")
    assert "1 resource" in text(read_twice(client, library.url + "?q=sedation"))

    ResourcePageFactory(parent=library, title="Sedation guideline")

    assert "2 resources" in text(client.get(library.url + "?q=sedation"))


def test_a_new_privacy_notice_shows_in_the_sign_up_form_on_the_next_request(
    client, events_index, home_page
):
    assert "privacy notice" not in text(read_twice(client, "/events/"))

    site_settings = SiteSettings.for_site(Site.objects.get())
    site_settings.privacy_page = StandardPageFactory(parent=home_page, title="Privacy")
    site_settings.save()

    assert "Read the privacy notice" in text(client.get("/events/"))


def test_the_sign_up_form_on_a_kept_listing_still_gets_a_fresh_timestamp(
    client, events_index, clock
):
    def stamp():
        soup = BeautifulSoup(client.get("/events/").content, "html.parser")
        return soup.find("input", {"name": "signup-form_started"})["value"]

    first = stamp()
    clock.shift(timedelta(seconds=5))

    assert stamp() != first


def test_what_a_reader_typed_into_a_form_is_never_kept_for_others(client, events_index):
    answers = {
        "signup-email": "not-an-address",
        "signup-name": "Ada Reader",
        "signup-form_started": sign_timestamp(time.time() - 60),
    }
    response = client.post("/notifications/", answers)
    assert response.status_code == 200
    assert "Ada Reader" in response.content.decode()

    assert "Ada Reader" not in client.get("/events/").content.decode()
    assert "Ada Reader" not in client.get("/notifications/").content.decode()


def test_a_preview_shows_unsaved_changes_to_a_page_whose_content_is_kept(client, library):
    resource = ResourcePageFactory(parent=library, title="Sedation toolkit")
    read_twice(client, resource.url)

    resource.title = "Not saved yet"
    response = resource.make_preview_request()

    assert "Not saved yet" in response.content.decode()


# Pages: what changes with the clock changes on time.


def test_an_event_that_ends_leaves_the_upcoming_lists_and_shows_as_finished(
    client, clock, events_index
):
    event = EventPageFactory(
        parent=events_index,
        title="Spring meeting",
        start=NOW + timedelta(hours=1),
        end=NOW + timedelta(hours=3),
        # Closed already, so the end is the only change the clock makes to the page.
        registration="external",
        registration_url="https://example.org/book",
        registration_deadline=NOW - timedelta(hours=1),
    )
    assert "Spring meeting" in text(read_twice(client, "/events/"))
    assert "Spring meeting" in text(read_twice(client, "/"))
    assert "Spring meeting" not in text(read_twice(client, "/events/past/"))
    assert "This event has finished" not in text(read_twice(client, event.url))

    clock.move_to(NOW + timedelta(hours=3, seconds=1))

    assert "Spring meeting" not in text(client.get("/events/"))
    assert "Spring meeting" not in text(client.get("/"))
    assert "Spring meeting" in text(client.get("/events/past/"))
    assert "This event has finished" in text(client.get(event.url))


def test_registration_shows_as_closed_from_its_deadline(client, clock, events_index):
    event = EventPageFactory(
        parent=events_index,
        start=NOW + timedelta(days=3),
        end=NOW + timedelta(days=3, hours=2),
        registration="external",
        registration_url="https://example.org/book",
        registration_deadline=NOW + timedelta(hours=1),
    )
    assert "Registration has closed" not in text(read_twice(client, event.url))

    clock.move_to(NOW + timedelta(hours=1, seconds=1))

    assert "Registration has closed" in text(client.get(event.url))


def test_a_funding_opportunity_shows_closed_from_midnight_in_the_library_and_on_its_page(
    client, clock, library
):
    resource = ResourcePageFactory(parent=library, title="Seed grants")
    resource.resource_type.has_closing_date = True
    resource.resource_type.save()
    resource.closing_date = NOW.date()
    publish(resource)
    assert "Closes on" in text(read_twice(client, resource.url))
    assert "Closes on" in text(read_twice(client, library.url))

    clock.move_to(datetime(2026, 4, 15, 0, 0, 1, tzinfo=UK_TIME))

    assert "Closed on" in text(client.get(resource.url))
    assert "Closed on" in text(client.get(library.url))


def test_when_the_next_event_ends_is_looked_up_once_per_moment(client, clock, events_index):
    EventPageFactory(
        parent=events_index, start=NOW + timedelta(hours=1), end=NOW + timedelta(hours=3)
    )
    EventPageFactory(parent=events_index, start=NOW + timedelta(days=1))

    def next_end_lookups(url):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        return [query for query in queries if "MIN(" in query["sql"]]

    for url in ("/events/", "/"):
        read_twice(client, url)
        assert next_end_lookups(url) == []
        clock.move_to(NOW + timedelta(hours=3, seconds=1))
        assert len(next_end_lookups(url)) == 1  # the first reader after the event ended
        assert next_end_lookups(url) == []
        clock.move_to(NOW)


def test_a_fragment_without_a_name_is_a_clear_template_error():
    with pytest.raises(TemplateSyntaxError, match="needs a name"):
        Template("{% load portal_tags %}{% cached_fragment %}x{% endcached_fragment %}")


def test_what_a_worker_keeps_lasts_no_longer_than_the_shared_cache_keeps_it(
    client, home_page, clock, settings
):
    # A change the generation missed (saved while the shared cache was out of reach, or by an
    # update that sends no signal) shows once PAGE_CACHE_SECONDS have passed, as before.
    settings.PAGE_CACHE_SECONDS = 60
    assert "Test group" in text(read_twice(client, "/"))
    type(home_page).objects.filter(pk=home_page.pk).update(hero_title="Changed unseen")

    clock.shift(timedelta(seconds=61))

    assert "Changed unseen" in text(client.get("/"))
