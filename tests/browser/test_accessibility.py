"""axe-core finds no WCAG 2.0, 2.1 or 2.2 level A or AA failure on any public page."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import save_screenshot, server_error_html, visit

pytestmark = pytest.mark.browser

WCAG_A_AND_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_A_AND_AA},
    "resultTypes": ["violations"],
}


def describe(where, violations):
    lines = [f"axe-core found WCAG A/AA violations on {where}:"]
    for violation in violations:
        lines.append(f"  {violation['id']} [{violation['impact']}]: {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(node['target'])}: {node['failureSummary']}")
    return "\n".join(lines)


def test_no_page_has_an_axe_violation(demo_pages, page, screenshot_dir, subtests):
    axe = Axe()
    for covered in demo_pages:
        with subtests.test(msg=covered.name):
            visit(page, covered)
            # A desktop screenshot for people to look over, while the page is open anyway.
            save_screenshot(page, screenshot_dir / f"{covered.slug}-1280.png")
            violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
            assert not violations, describe(covered.path, violations)
    with subtests.test(msg="Server error (500)"):
        page.set_content(server_error_html())
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
        assert not violations, describe("the server error page", violations)


def test_axe_reports_a_known_failure(blank_page):
    """Guards the check itself: a broken page must not pass because axe never ran."""
    blank_page.set_content(
        '<html lang="en"><title>Form</title><main><input type="text"></main></html>'
    )

    violations = Axe().run(blank_page, options=AXE_OPTIONS).response["violations"]

    assert "label" in [violation["id"] for violation in violations]
