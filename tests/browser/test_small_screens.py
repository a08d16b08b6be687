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


def test_no_page_scrolls_sideways(demo_pages, page, screenshot_dir, subtests):
    for width in [*PHONE_WIDTHS, 1280]:
        page.set_viewport_size({"width": width, "height": 800})
        for covered in demo_pages:
            with subtests.test(msg=f"{covered.name} at {width}px"):
                visit(page, covered)
                if width in SCREENSHOT_WIDTHS:
                    path = screenshot_dir / f"{covered.slug}-{width}.png"
                    page.screenshot(path=path, full_page=True)
                scroll_width = page.evaluate("document.documentElement.scrollWidth")
                assert scroll_width <= width, (
                    f"{covered.path} is {scroll_width}px wide in a {width}px window: "
                    + ", ".join(page.evaluate(WIDER_THAN_WINDOW))
                )


def test_navigation_and_search_work_on_a_phone(demo_pages, page, subtests):
    for width in PHONE_WIDTHS:
        page.set_viewport_size({"width": width, "height": 640})
        with subtests.test(msg=f"navigation at {width}px"):
            every_navigation_link_works(page, width)
        with subtests.test(msg=f"site search at {width}px"):
            site_search_works(page)


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
