"""Trial pages go only under the trials listing, and the listing once, under the home page."""

from wagtail.models import Page

from tests.library.factories import LibraryIndexPageFactory
from tests.trials.factories import TrialIndexPageFactory, TrialPageFactory
from trials.models import TrialIndexPage, TrialPage


def test_trial_pages_go_only_under_the_trials_listing(home_page, trials_index):
    library = LibraryIndexPageFactory(parent=home_page)
    trial = TrialPageFactory(parent=trials_index)

    parents = {
        "root": Page.get_first_root_node(),
        "home": home_page,
        "trials": trials_index,
        "library": library,
        "trial": trial,
    }

    assert {name for name, p in parents.items() if TrialPage.can_create_at(p)} == {"trials"}


def test_the_trials_listing_goes_under_the_home_page_once(home_page):
    assert TrialIndexPage.can_create_at(home_page)

    TrialIndexPageFactory(parent=home_page)

    assert not TrialIndexPage.can_create_at(home_page)
