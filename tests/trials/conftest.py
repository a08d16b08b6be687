"""Fixtures for the trials tests: a trials listing under the minimal home page."""

import pytest

from tests.library.factories import LibraryIndexPageFactory
from tests.trials.factories import TrialIndexPageFactory


@pytest.fixture
def trials_index(home_page):
    return TrialIndexPageFactory(parent=home_page)


@pytest.fixture
def library(home_page):
    return LibraryIndexPageFactory(parent=home_page)
