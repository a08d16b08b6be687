"""Pages made by an import or `add_child` have no revisions and no publication dates.

Every public address must still answer: the crawl starts at the home page and the sitemap and
follows every link on the site.
"""

from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from wagtail.models import Page

from library.models import LibraryIndexPage
from tests.library.factories import ResourcePageFactory

START_URLS = ["/", "/sitemap.xml", "/robots.txt", "/events/feed.ics", "/search/?query=group"]


def as_if_made_by_an_import():
    Page.objects.update(
        first_published_at=None,
        last_published_at=None,
        latest_revision=None,
        live_revision=None,
        latest_revision_created_at=None,
    )


def internal_links(response):
    content_type = response.get("Content-Type", "")
    if not content_type.startswith(("text/html", "application/xml", "application/atom+xml")):
        return []
    soup = BeautifulSoup(response.content, "html.parser")
    found = [tag.get("href") for tag in soup.find_all(["a", "link"])]
    found += [tag.get_text() for tag in soup.find_all("loc")]
    found += [tag.get("src") for tag in soup.find_all(["img", "script"])]
    base = response.wsgi_request.build_absolute_uri()
    links = []
    for link in filter(None, found):
        url = urlsplit(urljoin(base, link.strip()))
        if url.hostname == "testserver" and not url.path.startswith("/admin/"):
            links.append(url.path + (f"?{url.query}" if url.query else ""))
    return links


@pytest.mark.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
def test_every_public_address_answers_when_pages_were_made_outside_the_admin(client, demo_home):
    library = LibraryIndexPage.objects.get()
    ResourcePageFactory(parent=library, title="Imported guidance")
    as_if_made_by_an_import()

    seen, queue, failures = set(), list(START_URLS), []
    library_feed = library.url + "feed/"
    queue.append(library_feed)
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code >= 500:
            failures.append((url, response.status_code))
        queue.extend(internal_links(response))

    assert failures == []
    assert library_feed in seen
    assert len(seen) > 30
