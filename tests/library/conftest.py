"""Fixtures for the library tests: a library page under the minimal home page."""

import pytest

from tests.library.factories import LibraryIndexPageFactory


@pytest.fixture
def library(home_page):
    return LibraryIndexPageFactory(parent=home_page)
