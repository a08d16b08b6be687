"""Where the browser suite finds its tools and puts its artefacts, and what it does without them."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def require(available, what, install_hint):
    """Skip a test whose tool is missing, except in CI, where a skip would hide a broken setup."""
    if available:
        return
    message = f"{what} is missing: {install_hint}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so the browser suite must run, not skip)")
    pytest.skip(message)
