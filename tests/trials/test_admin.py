"""The admin's Trials listing: each summary with its stage and review date, soonest first."""

import datetime

from bs4 import BeautifulSoup

from tests.trials.factories import TrialPageFactory
from trials.models import Stage


def test_trials_are_listed_soonest_review_first_with_their_stage(client, admin_user, trials_index):
    TrialPageFactory(parent=trials_index, title="Later", review_by=datetime.date(2030, 1, 1))
    TrialPageFactory(
        parent=trials_index,
        title="Sooner",
        stage=Stage.AUDITED,
        review_by=datetime.date(2029, 6, 1),
    )
    client.force_login(admin_user)

    response = client.get("/admin/trial_pages/")

    assert response.status_code == 200
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    texts = [" ".join(row.get_text(" ").split()) for row in rows]
    assert [text.split(" ")[0] for text in texts] == ["Sooner", "Later"]
    assert "Audited in practice" in texts[0]
    assert "1 Jun 2029" in texts[0]


def test_the_listing_filters_by_stage(client, admin_user, trials_index):
    TrialPageFactory(parent=trials_index, title="Audited", stage=Stage.AUDITED)
    TrialPageFactory(parent=trials_index, title="Published", stage=Stage.RESULTS_PUBLISHED)
    client.force_login(admin_user)

    response = client.get("/admin/trial_pages/", {"stage": "audited"})

    text = BeautifulSoup(response.content, "html.parser").select_one("tbody").get_text()
    assert "Audited" in text
    assert "Published" not in text


def test_editors_see_trials_in_the_admin_menu(client, admin_user, trials_index):
    client.force_login(admin_user)

    assert "/admin/trial_pages/" in client.get("/admin/").content.decode()
