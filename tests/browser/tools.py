"""Where the browser suite finds its tools and puts its artefacts, and what it does without them."""

import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Headless as root, with none of the background connections this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def require(available, what, install_hint):
    """Skip a test whose tool is missing, except in CI, where a skip would hide a broken setup."""
    if available:
        return
    message = f"{what} is missing: {install_hint}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so the browser suite must run, not skip)")
    pytest.skip(message)
