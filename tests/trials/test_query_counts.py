"""The trials' pages run the same few queries for 10 trials as for 1,000."""

import datetime

import pytest
from django.utils import timezone

from library.models import Topic
from portal.dates import uk_today
from tests.library.factories import ResourcePageFactory, event_index, event_page
from tests.query_counts import FEW, MANY, add_live_pages, query_counts
from tests.trials.factories import TrialPageFactory
from trials.models import Stage, TrialContact, TrialPage, TrialResource


def add_trials(trials_index, count, start):
    topics = list(Topic.objects.all())
    stages = list(Stage)
    trials = add_live_pages(
        trials_index,
        [
            TrialPage(
                title=f"Trial {number:04d}",
                slug=f"trial-{number:04d}",
                summary="Sedation practice in paediatric intensive care.",
                question="Does it work?",
                findings="<p>It did.</p>",
                implications="<p>Use it.</p>",
                stage=stages[number % len(stages)],
                last_reviewed=uk_today() - datetime.timedelta(days=number % 300),
                review_by=uk_today() + datetime.timedelta(days=number % 700),
            )
            for number in range(start, start + count)
        ],
    )
    TrialPage.topics.through.objects.bulk_create(
        TrialPage.topics.through(trialpage_id=trial.pk, topic_id=topic.pk)
        for number, trial in enumerate(trials, start)
        for topic in (topics[number % len(topics)], topics[(number + 1) % len(topics)])
    )


@pytest.fixture
def requests(trials_index, library, home_page):
    # One trial matches every filter below, so each request lists results at both sizes.
    events = event_index(home_page)
    trial = TrialPageFactory(
        parent=trials_index,
        title="The trial",
        summary="Sedation practice in paediatric intensive care.",
        stage=Stage.LOCAL_PROTOCOLS,
        topics=list(Topic.objects.filter(slug__in=["trials", "education"])),
        related_events=[event_page(events, "Results webinar", timezone.now())],
        isrctn="ISRCTN12345678",
        result_doi="10.1000/example",
        publish=True,
    )
    for order in range(3):
        resource = ResourcePageFactory(parent=library, title=f"Tool {order}")
        TrialResource.objects.create(page=trial, resource=resource, sort_order=order)
        TrialContact.objects.create(page=trial, name=f"Contact {order}", sort_order=order)
    return {
        "listing": (trials_index.url, None),
        "search with filters": (
            trials_index.url,
            {"q": "sedation", "topic": ["trials", "education"], "stage": "local_protocols"},
        ),
        "search only": (trials_index.url, {"q": "paediatric", "page": "1"}),
        "last page": (trials_index.url, {"page": "100"}),
        "feed": (trials_index.url + "feed/", None),
        "trial page": (trial.url, None),
        "home page": ("/", None),
    }


def test_trial_pages_run_the_same_few_queries_for_10_and_1000_trials(
    client, trials_index, requests
):
    add_trials(trials_index, FEW - 1, start=0)
    few = query_counts(client, requests)

    add_trials(trials_index, MANY - FEW, start=FEW)
    assert TrialPage.objects.live().count() == MANY

    assert query_counts(client, requests) == few
