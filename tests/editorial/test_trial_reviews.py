"""The dashboard lists published trial summaries past their review date or due within 30 days."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.dashboard import TrialReviewsPanel
from tests.editorial.test_dashboard import dashboard, panel_text
from tests.trials.factories import TrialIndexPageFactory, TrialPageFactory

TODAY = datetime.date(2026, 4, 14)


@pytest.fixture
def trials_index(site_sections, time_machine):
    time_machine.move_to(datetime.datetime(2026, 4, 14, 12, 0, tzinfo=datetime.UTC), tick=False)
    return TrialIndexPageFactory(parent=site_sections["home"])


def add_trial(index, title, review_by, **fields):
    return TrialPageFactory(
        parent=index,
        title=title,
        last_reviewed=datetime.date(2024, 1, 1),
        review_by=review_by,
        **fields,
    )


def test_overdue_and_soon_due_summaries_are_listed_soonest_first(trials_index, editor):
    add_trial(trials_index, "Due in 30 days", TODAY + datetime.timedelta(days=30))
    add_trial(trials_index, "Due in 31 days", TODAY + datetime.timedelta(days=31))
    add_trial(trials_index, "Overdue trial", TODAY - datetime.timedelta(days=1))
    add_trial(trials_index, "Due today", TODAY)
    add_trial(trials_index, "Draft overdue", TODAY - datetime.timedelta(days=5), live=False)

    text = panel_text(TrialReviewsPanel, editor)

    assert "3 trial summaries are past their review date or due within 30 days" in text
    assert text.index("Overdue trial") < text.index("Due today") < text.index("Due in 30 days")
    assert "13 Apr 2026 (overdue)" in text
    assert "14 Apr 2026 (overdue)" not in text
    assert "Due in 31 days" not in text
    assert "Draft overdue" not in text


def test_nothing_due_says_so(trials_index, editor):
    add_trial(trials_index, "Far off", TODAY + datetime.timedelta(days=300))

    text = panel_text(TrialReviewsPanel, editor)

    assert "No published trial summary is due for review in the next 30 days." in text


def test_moderators_see_the_panel_on_their_dashboard(trials_index, moderator, client):
    add_trial(trials_index, "Overdue trial", TODAY - datetime.timedelta(days=1))

    soup = dashboard(client, moderator)

    panel = soup.find(id="trial-reviews-section")
    assert panel is not None
    assert "Overdue trial" in panel.get_text()
    assert panel.find("a", string="All trial summaries, soonest review first")["href"] == (
        "/admin/trial_pages/"
    )


def test_the_membership_group_does_not_see_it(trials_index, membership_user, client):
    assert dashboard(client, membership_user).find(id="trial-reviews-section") is None


def count_queries(user):
    with CaptureQueriesContext(connection) as queries:
        panel_text(TrialReviewsPanel, user.__class__.objects.get(pk=user.pk))
    return len(queries)


def test_the_panel_runs_the_same_queries_for_one_summary_or_many(trials_index, admin_user):
    add_trial(trials_index, "One", TODAY)
    with_one = count_queries(admin_user)

    for number in range(15):
        add_trial(trials_index, f"Trial {number}", TODAY - datetime.timedelta(days=number))
    with_many = count_queries(admin_user)

    # The reader's page permissions, the list, the count and the listing's id.
    assert with_one == with_many <= 4
