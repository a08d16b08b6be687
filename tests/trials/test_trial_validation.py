"""Registry numbers, the DOI and review dates are checked as the editor saves, with clear errors."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from portal.dates import uk_today
from tests.trials.factories import TrialPageFactory


def errors_for(trial):
    with pytest.raises(ValidationError) as raised:
        trial.full_clean()
    return raised.value.message_dict


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("ISRCTN12345678", "ISRCTN12345678"),
        ("isrctn 1234 5678", "ISRCTN12345678"),
        ("12345678", "ISRCTN12345678"),
        ("https://www.isrctn.com/ISRCTN12345678", "ISRCTN12345678"),
    ],
)
def test_an_isrctn_number_is_accepted_as_editors_paste_it(trials_index, typed, saved):
    trial = TrialPageFactory(parent=trials_index, isrctn=typed)

    trial.full_clean()

    assert trial.isrctn == saved


@pytest.mark.parametrize(
    ("typed", "saved"),
    [
        ("NCT01234567", "NCT01234567"),
        ("nct01234567", "NCT01234567"),
        ("https://clinicaltrials.gov/study/NCT01234567?tab=results", "NCT01234567"),
    ],
)
def test_a_clinicaltrials_gov_number_is_accepted_as_editors_paste_it(trials_index, typed, saved):
    trial = TrialPageFactory(parent=trials_index, nct_number=typed)

    trial.full_clean()

    assert trial.nct_number == saved


@pytest.mark.parametrize("typed", ["ISRCTN1234567", "ISRCTN123456789", "NCT01234567", "ABC"])
def test_a_malformed_isrctn_number_says_what_one_looks_like(trials_index, typed):
    trial = TrialPageFactory(parent=trials_index)
    trial.isrctn = typed

    assert errors_for(trial)["isrctn"] == [
        "Enter the ISRCTN number as the registry shows it, e.g. ISRCTN12345678: the letters "
        "ISRCTN then 8 digits."
    ]


@pytest.mark.parametrize("typed", ["NCT0123456", "ISRCTN12345678", "NCT 0123456X"])
def test_a_malformed_clinicaltrials_gov_number_says_what_one_looks_like(trials_index, typed):
    trial = TrialPageFactory(parent=trials_index)
    trial.nct_number = typed

    assert errors_for(trial)["nct_number"] == [
        "Enter the ClinicalTrials.gov number as the registry shows it, e.g. NCT01234567: the "
        "letters NCT then 8 digits."
    ]


def test_a_doi_link_is_kept_as_the_bare_doi(trials_index):
    trial = TrialPageFactory(parent=trials_index, result_doi="https://doi.org/10.1000/abc.1")

    trial.full_clean()

    assert trial.result_doi == "10.1000/abc.1"


def test_a_malformed_doi_says_what_one_looks_like(trials_index):
    trial = TrialPageFactory(parent=trials_index)
    trial.result_doi = "not a doi"

    assert errors_for(trial)["result_doi"] == ["Enter a DOI such as 10.1186/1748-5908-7-37."]


def test_a_last_review_in_the_future_is_refused(trials_index):
    trial = TrialPageFactory(parent=trials_index)
    trial.last_reviewed = uk_today() + datetime.timedelta(days=1)

    assert "last_reviewed" in errors_for(trial)


def test_the_next_review_must_come_after_the_last(trials_index):
    trial = TrialPageFactory(parent=trials_index)
    trial.review_by = trial.last_reviewed

    assert errors_for(trial)["review_by"] == ["The next review must be after the last review."]


def test_feed_is_not_a_trials_address(trials_index):
    trial = TrialPageFactory(parent=trials_index)
    trial.slug = "feed"

    assert "slug" in errors_for(trial)
