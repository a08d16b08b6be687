"""Without Chromium or Java the browser suite skips and says what to install, except in CI."""

import pytest

from tests.browser.tools import require


def test_a_missing_tool_skips_with_what_to_install(monkeypatch):
    monkeypatch.delenv("CI", raising=False)

    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        require(False, "Chromium", "apt-get install chromium")


def test_a_missing_tool_fails_in_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")

    with pytest.raises(pytest.fail.Exception, match="must run, not skip"):
        require(False, "Chromium", "apt-get install chromium")


def test_a_tool_that_is_there_lets_the_test_run(monkeypatch):
    monkeypatch.setenv("CI", "true")

    require(True, "Chromium", "apt-get install chromium")
