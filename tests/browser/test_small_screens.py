"""Every page fits a phone's width, and the navigation and search work there.

At 320 px (what 1280 px looks like at 400% zoom, checked again with the wider text spacing
readers may set) and 375 px (a common phone). Screenshots of every covered page at 375 px are
saved to test-artifacts/screenshots/ for a person to look over; the accessibility test saves
them at 1280 px while it has each page open.
"""

import pytest

from tests.browser.pages import save_screenshot, visit

pytestmark = pytest.mark.browser

PHONE_WIDTHS = [320, 375]
SCREENSHOT_WIDTH = 375

# WCAG 1.4.12: readers may widen spacing this far without losing content (checked at 320 px).
TEXT_SPACING = """* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }"""
# The outermost elements sticking out of the window, for a failure message that says where.
WIDER_THAN_WINDOW = """() => [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5)
    .filter(el => el.parentElement.getBoundingClientRect().right <= window.innerWidth + 0.5)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (el.className && typeof el.className === "string" ? "." + el.className.split(" ")[0] : "") +
        " (" + Math.round(el.getBoundingClientRect().right) + "px)")"""


def test_pages_fit_a_phone_and_its_navigation_works(demo_pages, page, screenshot_dir, subtests):
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for covered in demo_pages:
            with subtests.test(msg=f"{covered.name} at {width}px"):
                visit(page, covered)
                if width == SCREENSHOT_WIDTH:
                    save_screenshot(page, screenshot_dir / f"{covered.slug}-{width}.png")
                page_does_not_scroll_sideways(page, width)
                if width == min(PHONE_WIDTHS):
                    # A constructed style sheet: the page's CSP rightly blocks a <style> tag.
                    page.evaluate(
                        """css => {
                            const sheet = new CSSStyleSheet();
                            sheet.replaceSync(css);
                            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
                        }""",
                        TEXT_SPACING,
                    )
                    page_does_not_scroll_sideways(page, width, "with text spacing widened")
        with subtests.test(msg=f"navigation at {width}px"):
            every_navigation_link_works(page, width)
        with subtests.test(msg=f"site search at {width}px"):
            site_search_works(page)


def page_does_not_scroll_sideways(page, width, how=""):
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, (
        f"{page.url} is {scroll_width}px wide in a {width}px window {how}: "
        + ", ".join(page.evaluate(WIDER_THAN_WINDOW))
    )


def every_navigation_link_works(page, width):
    page.goto("/")
    links = page.locator(".main-nav a")
    destinations = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert len(destinations) >= 4, destinations

    for index, href in enumerate(destinations):
        page.goto("/")
        link = page.locator(".main-nav a").nth(index)
        box = link.bounding_box()
        assert box["x"] >= 0, f"{href} starts off the left edge"
        assert box["x"] + box["width"] <= width, f"{href} runs off the right edge"
        assert box["height"] >= 24, f"{href} is too small to tap"
        # A click waits until the link is visible and nothing covers it.
        link.click()
        page.wait_for_url(f"**{href}")


def site_search_works(page):
    page.goto("/")

    page.get_by_role("searchbox", name="Search the site").fill("care")
    page.get_by_role("search").get_by_role("button", name="Search").click()

    page.wait_for_url("**/search/?query=care")
    assert page.locator(".result-list a").count() > 0
