"""Every page fits a phone's width, and the navigation works there; screenshots for people.

Screenshots of every covered page at 375 px (a common phone) and 1280 px (a laptop) are saved
to test-artifacts/screenshots/ for a person to look over.
"""

import pytest

from tests.browser.pages import visit

pytestmark = pytest.mark.browser

PHONE_WIDTHS = [320, 375]
SCREENSHOT_WIDTHS = [375, 1280]

# The outermost elements sticking out of the window, for a failure message that says where.
WIDER_THAN_WINDOW = """() => [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .filter(el => el.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "") +
        " (" + Math.round(el.getBoundingClientRect().right) + "px)")"""


def test_no_page_scrolls_sideways(demo_pages, page, screenshot_dir):
    failures = []
    for width in [*PHONE_WIDTHS, 1280]:
        page.set_viewport_size({"width": width, "height": 800})
        for covered in demo_pages:
            visit(page, covered)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                culprits = ", ".join(page.evaluate(WIDER_THAN_WINDOW))
                failures.append(f"{covered.name} at {width}px: {scroll_width}px wide ({culprits})")
            if width in SCREENSHOT_WIDTHS:
                page.screenshot(path=screenshot_dir / f"{covered.slug}-{width}.png", full_page=True)

    assert not failures, "Pages wider than the window:\n" + "\n".join(failures)


def test_every_navigation_link_works_on_a_phone(demo_pages, page):
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 640})
        page.goto("/")
        links = page.locator(".main-nav a")
        destinations = [links.nth(i).get_attribute("href") for i in range(links.count())]
        assert len(destinations) >= 4, destinations

        for index, href in enumerate(destinations):
            page.goto("/")
            link = page.locator(".main-nav a").nth(index)
            box = link.bounding_box()
            assert box["x"] >= 0, f"{href} starts off the left edge at {width}px"
            assert box["x"] + box["width"] <= width, f"{href} runs off the right edge at {width}px"
            assert box["height"] >= 24, f"{href} is too small to tap at {width}px"
            # A click waits until the link is visible and nothing covers it.
            link.click()
            page.wait_for_url(f"**{href}")


def test_site_search_works_on_a_phone(demo_pages, page):
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 640})
        page.goto("/")

        page.get_by_role("searchbox", name="Search the site").fill("care")
        page.get_by_role("search").get_by_role("button", name="Search").click()

        page.wait_for_url("**/search/?query=care")
        assert page.locator(".result-list a").count() > 0, f"no results at {width}px"
