"""The trials listing: newest first, filtered by stage and by the library's topics, searchable,
paginated, and never an error page for a mangled link."""

import datetime

import pytest
from django.utils import timezone

from tests.library.factories import topic
from tests.trials.factories import TrialPageFactory
from tests.trials.helpers import listed_titles, soup, text_of
from trials.models import TRIALS_PER_PAGE, Stage


@pytest.fixture
def three(trials_index):
    now = timezone.now()
    TrialPageFactory(
        parent=trials_index,
        title="Oldest trial",
        acronym="OLD",
        stage=Stage.AUDITED,
        topics=[topic("trials")],
        first_published_at=now - datetime.timedelta(days=3),
        findings="<p>Sedation breaks shortened ventilation.</p>",
        publish=True,
    )
    TrialPageFactory(
        parent=trials_index,
        title="Middle trial",
        stage=Stage.GUIDANCE_UPDATED,
        topics=[topic("education")],
        isrctn="ISRCTN87654321",
        first_published_at=now - datetime.timedelta(days=2),
        publish=True,
    )
    TrialPageFactory(
        parent=trials_index,
        title="Newest trial",
        stage=Stage.GUIDANCE_UPDATED,
        topics=[topic("trials"), topic("education")],
        first_published_at=now - datetime.timedelta(days=1),
        publish=True,
    )


def test_the_listing_shows_the_newest_summaries_first(client, trials_index, three):
    response = client.get(trials_index.url)

    assert listed_titles(response) == ["Newest trial", "Middle trial", "Oldest trial (OLD)"]
    assert text_of(response, ".result-count") == "3 trials"


def test_each_listed_trial_shows_its_stage_and_last_review(client, trials_index, three):
    summary = soup(client.get(trials_index.url)).select(".trial-summary")[-1]

    assert "Implementation stage: Audited in practice" in summary.get_text(" ", strip=True)
    assert "Last reviewed" in summary.get_text()


def test_the_listing_filters_by_stage(client, trials_index, three):
    response = client.get(trials_index.url, {"stage": "guidance_updated"})

    assert listed_titles(response) == ["Newest trial", "Middle trial"]
    assert "Stage: Guidance updated" in text_of(response, ".library-applied")


def test_the_listing_filters_by_any_of_the_topics_ticked(client, trials_index, three):
    response = client.get(trials_index.url, {"topic": ["education"]})

    assert listed_titles(response) == ["Newest trial", "Middle trial"]


def test_stage_and_topic_filters_combine(client, trials_index, three):
    response = client.get(trials_index.url, {"topic": "trials", "stage": "audited"})

    assert listed_titles(response) == ["Oldest trial (OLD)"]


def test_search_finds_trials_by_words_in_their_findings(client, trials_index, three):
    response = client.get(trials_index.url, {"q": "sedation"})

    assert listed_titles(response) == ["Oldest trial (OLD)"]
    assert text_of(response, ".result-count") == "1 trial matches “sedation”"


def test_search_finds_a_trial_by_its_registry_number(client, trials_index, three):
    response = client.get(trials_index.url, {"q": "ISRCTN87654321"})

    assert listed_titles(response) == ["Middle trial"]


def test_search_leaves_out_drafts(client, trials_index, three):
    TrialPageFactory(parent=trials_index, title="Draft sedation trial", live=False)

    assert listed_titles(client.get(trials_index.url, {"q": "sedation"})) == ["Oldest trial (OLD)"]


def test_no_matches_says_so_and_offers_a_reset(client, trials_index, three):
    response = client.get(trials_index.url, {"q": "xylophone"})

    assert "No trials match your search and filters." in response.content.decode()
    assert soup(response).select_one(".library__empty a")["href"] == trials_index.url


def test_an_empty_listing_says_nothing_is_published_yet(client, trials_index):
    response = client.get(trials_index.url)

    assert "No trial summaries have been published yet." in response.content.decode()


def test_the_listing_is_paginated_and_a_page_past_the_end_shows_the_last(client, trials_index):
    for number in range(TRIALS_PER_PAGE + 2):
        TrialPageFactory(parent=trials_index, title=f"Trial {number:02d}")

    first = client.get(trials_index.url)
    last = client.get(trials_index.url, {"page": "99"})

    assert len(listed_titles(first)) == TRIALS_PER_PAGE
    assert text_of(first, ".pagination__status") == "Page 1 of 2"
    assert len(listed_titles(last)) == 2


def test_an_unknown_stage_or_topic_is_ignored_and_said_so(client, trials_index, three):
    response = client.get(trials_index.url, {"stage": "abandoned", "topic": ["nope", "trials"]})

    assert listed_titles(response) == ["Newest trial", "Oldest trial (OLD)"]
    notice = text_of(response, ".notice")
    assert "Implementation stage: “abandoned”" in notice
    assert "Topics: “nope”" in notice


@pytest.mark.parametrize(
    "params",
    [
        {"stage": "<script>"},
        {"stage": ["audited", "local_protocols"]},
        {"topic": "x" * 500},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "99999999999999999999"},
        {"q": "x" * 5000},
        {"q": "nul\x00byte"},
        {"q": '"unbalanced ( quote*'},
        {"q": "   "},
    ],
)
def test_bad_parameters_never_give_an_error_page(client, trials_index, three, params):
    assert client.get(trials_index.url, params).status_code == 200


def test_a_search_too_long_says_so(client, trials_index, three):
    response = client.get(trials_index.url, {"q": "x" * 201})

    assert "Please search for 200 characters or fewer." in text_of(response, ".error-summary")


def test_site_search_finds_a_trial_by_its_acronym(client, trials_index, three):
    response = client.get("/search/", {"query": "OLD"})

    titles = [link.get_text(strip=True) for link in soup(response).select(".result-list h3 a")]
    assert titles == ["Oldest trial"]
