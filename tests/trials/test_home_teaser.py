"""The home page shows the latest trial summaries, newest first."""

import datetime

from django.utils import timezone

from tests.trials.factories import TrialPageFactory
from tests.trials.helpers import soup


def home_trials(client):
    section = soup(client.get("/")).select_one(".latest-trials")
    return section and [link.get_text(strip=True) for link in section.select("h3 a")]


def test_the_home_page_shows_the_three_newest_published_summaries(client, trials_index):
    now = timezone.now()
    for days_ago in range(5, 0, -1):
        TrialPageFactory(
            parent=trials_index,
            title=f"Published {days_ago} days ago",
            first_published_at=now - datetime.timedelta(days=days_ago),
        )
    TrialPageFactory(parent=trials_index, title="Draft", live=False, first_published_at=now)

    assert home_trials(client) == [
        "Published 1 days ago",
        "Published 2 days ago",
        "Published 3 days ago",
    ]
    link = soup(client.get("/")).select_one(".latest-trials > p a")
    assert link["href"] == trials_index.url


def test_no_summaries_means_no_section(client, trials_index):
    assert home_trials(client) is None


def test_a_new_summary_shows_on_the_home_page_at_once(client, trials_index):
    TrialPageFactory(parent=trials_index, title="First", publish=True)
    assert home_trials(client) == ["First"]

    TrialPageFactory(parent=trials_index, title="Second", publish=True)

    assert home_trials(client) == ["Second", "First"]
