"""Fixtures for event tests: an events index on the minimal test site, and a fixed clock."""

from datetime import datetime

import pytest

from portal.dates import UK_TIME

# A Tuesday in British Summer Time, so "now" never depends on when the tests run.
NOW = datetime(2026, 4, 14, 12, 0, tzinfo=UK_TIME)


@pytest.fixture
def now(time_machine):
    time_machine.move_to(NOW, tick=False)
    return NOW
