import datetime
import xml.etree.ElementTree as ET

from django.utils import timezone

from library.feeds import FEED_LENGTH
from tests.library.factories import ResourcePageFactory, resource_type, topic
from tests.library.helpers import soup

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def parse_feed(client, library):
    response = client.get(library.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own feed, not untrusted input)


def entry_titles(feed):
    return [
        entry.findtext("atom:title", namespaces=ATOM) for entry in feed.iterfind("atom:entry", ATOM)
    ]


def test_the_feed_lists_resources_newest_published_first(client, library):
    now = timezone.now()
    ResourcePageFactory(
        parent=library,
        title="Older",
        first_published_at=now - datetime.timedelta(days=2),
    )
    ResourcePageFactory(
        parent=library,
        title="Newer",
        first_published_at=now - datetime.timedelta(days=1),
    )

    feed = parse_feed(client, library)

    assert feed.findtext("atom:title", namespaces=ATOM) == "Resource library | Implementation Group"
    assert entry_titles(feed) == ["Newer", "Older"]


def test_a_feed_entry_links_to_the_resource_with_its_summary_and_topics(client, library):
    resource = ResourcePageFactory(
        parent=library,
        title="Audit toolkit",
        summary="Templates for audit.",
        authors="Example Network",
        resource_type=resource_type("toolkit-or-template"),
        topics=[topic("education"), topic("trials")],
    )

    [entry] = parse_feed(client, library).findall("atom:entry", ATOM)

    assert entry.find("atom:link", ATOM).get("href") == f"http://testserver{resource.url}"
    assert entry.findtext("atom:summary", namespaces=ATOM) == "Templates for audit."
    assert entry.findtext("atom:author/atom:name", namespaces=ATOM) == "Example Network"
    categories = {category.get("term") for category in entry.iterfind("atom:category", ATOM)}
    assert categories == {"Toolkit or template", "Education", "Trials"}
    assert entry.findtext("atom:id", namespaces=ATOM).startswith("tag:testserver,")


def test_the_feed_leaves_out_drafts_and_stops_at_its_length(client, library):
    ResourcePageFactory.create_batch(FEED_LENGTH + 2, parent=library)
    ResourcePageFactory(parent=library, title="Draft", live=False)

    titles = entry_titles(parse_feed(client, library))

    assert len(titles) == FEED_LENGTH
    assert "Draft" not in titles


def test_the_library_page_advertises_its_feed(client, library):
    page = soup(client.get(library.url))

    assert page.select_one("link[rel=alternate]")["href"] == library.url + "feed/"
    assert page.select_one(".library__feed a")["href"] == library.url + "feed/"
