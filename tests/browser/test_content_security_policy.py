"""Every public page type works under the public Content-Security-Policy, with nothing blocked."""

import pytest
from django.test import Client

from tests.browser.pages import server_error_html, visit

pytestmark = pytest.mark.browser


def test_no_public_page_breaks_the_content_security_policy(demo_pages, page, subtests):
    csp = Client().get("/")["Content-Security-Policy"]
    assert "'unsafe-inline'" not in csp
    for covered in demo_pages:
        with subtests.test(msg=covered.name):
            response = visit(page, covered)
            assert response.headers["content-security-policy"] == csp
            page.wait_for_load_state("load")
            assert page.csp_violations == [], covered.name
    with subtests.test(msg="Server error (500)"):
        page.route(
            "**/server-error/",
            lambda route: route.fulfill(
                status=500,
                content_type="text/html; charset=utf-8",
                headers={"Content-Security-Policy": csp},
                body=server_error_html(),
            ),
        )
        page.goto("/server-error/")
        assert page.csp_violations == []
        # Its one inline style, allowed by hash, is applied.
        assert page.evaluate("getComputedStyle(document.body).maxWidth") != "none"


def test_a_violation_is_caught(page):
    """Guards the check itself: an inline style on a public page must be reported."""
    page.route(
        "**/inline-style/",
        lambda route: route.fulfill(
            content_type="text/html; charset=utf-8",
            headers={"Content-Security-Policy": Client().get("/")["Content-Security-Policy"]},
            body="<!DOCTYPE html><title>x</title><style>body{color:red}</style>",
        ),
    )
    page.goto("/inline-style/")
    page.wait_for_load_state("load")

    assert any("style-src" in violation for violation in page.csp_violations)
    page.csp_violations.clear()  # seen: do not fail the test at teardown
