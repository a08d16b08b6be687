"""The Atom feed of new and updated trial summaries."""

import datetime
import xml.etree.ElementTree as ET

from django.utils import timezone

from tests.library.factories import topic
from tests.trials.factories import TrialPageFactory
from tests.trials.helpers import soup
from trials.models import Stage

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def parse_feed(client, trials_index):
    response = client.get(trials_index.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)  # noqa: S314 (our own feed, not untrusted input)


def entry_titles(feed):
    return [
        entry.findtext("atom:title", namespaces=ATOM) for entry in feed.iterfind("atom:entry", ATOM)
    ]


def test_an_updated_summary_comes_back_to_the_top_under_the_same_id(client, trials_index):
    older = TrialPageFactory(parent=trials_index, title="Older", acronym="OLD", publish=True)
    TrialPageFactory(parent=trials_index, title="Newer", publish=True)
    before = {
        entry.findtext("atom:title", namespaces=ATOM): entry.findtext("atom:id", namespaces=ATOM)
        for entry in parse_feed(client, trials_index).iterfind("atom:entry", ATOM)
    }

    older.stage = Stage.GUIDANCE_UPDATED
    older.save_revision().publish()
    feed = parse_feed(client, trials_index)

    assert (
        feed.findtext("atom:title", namespaces=ATOM)
        == "Trials into practice | Implementation Group"
    )
    assert entry_titles(feed) == ["Older (OLD)", "Newer"]
    first = feed.find("atom:entry", ATOM)
    assert first.findtext("atom:id", namespaces=ATOM) == before["Older (OLD)"]
    assert first.findtext("atom:id", namespaces=ATOM).startswith("tag:testserver,")
    assert first.findtext("atom:updated", namespaces=ATOM) > first.findtext(
        "atom:published", namespaces=ATOM
    )


def test_an_entry_links_to_the_trial_with_its_bottom_line_stage_and_topics(client, trials_index):
    trial = TrialPageFactory(
        parent=trials_index,
        summary="The bottom line.",
        stage=Stage.LOCAL_PROTOCOLS,
        topics=[topic("trials")],
        last_published_at=timezone.now() - datetime.timedelta(hours=1),
    )

    [entry] = parse_feed(client, trials_index).findall("atom:entry", ATOM)

    assert entry.find("atom:link", ATOM).get("href") == f"http://testserver{trial.url}"
    assert entry.findtext("atom:summary", namespaces=ATOM) == "The bottom line."
    categories = {category.get("term") for category in entry.iterfind("atom:category", ATOM)}
    assert categories == {"Local protocols", "Trials"}


def test_the_listing_links_to_its_feed(client, trials_index):
    page = soup(client.get(trials_index.url))

    alternate = page.select_one("link[rel=alternate][type='application/atom+xml']")
    assert alternate["href"] == trials_index.url + "feed/"
    assert page.select_one(".library__feed a")["href"] == trials_index.url + "feed/"


def test_drafts_are_not_in_the_feed(client, trials_index):
    TrialPageFactory(parent=trials_index, title="Draft", live=False)

    assert entry_titles(parse_feed(client, trials_index)) == []
