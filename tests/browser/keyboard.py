"""Moving through a page with the Tab key, checking that each stop shows where focus is.

A focus indicator counts as visible when the focused element gains an outline of at least
2 px, a box shadow, or a new background or border colour compared with how it looked before
anything was focused. A colour change of the text alone, or an underline, does not count.
"""

import re

# Computed styles of every focusable element, taken while nothing is focused.
REMEMBER_UNFOCUSED_STYLES = """() => {
    const props = %s;
    window.unfocusedStyles = new Map();
    for (const el of document.querySelectorAll(
            "a[href], button, input, select, textarea, summary, [tabindex]")) {
        const style = getComputedStyle(el);
        window.unfocusedStyles.set(el, Object.fromEntries(
            props.map(prop => [prop, style.getPropertyValue(prop)])));
    }
}"""
FOCUSED_ELEMENT = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const props = %s;
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    const label = (el.labels && el.labels[0] ? el.labels[0].innerText : el.innerText) || "";
    if (!window.focusOrder) window.focusOrder = [];
    if (!window.focusOrder.includes(el)) window.focusOrder.push(el);
    return {
        stop: window.focusOrder.indexOf(el),
        name: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
            (el.name ? "[name=" + el.name + "]" : "") + " " +
            JSON.stringify(label.trim().slice(0, 40)),
        before: window.unfocusedStyles.get(el) || null,
        after: Object.fromEntries(props.map(prop => [prop, style.getPropertyValue(prop)])),
        onScreen: box.width >= 1 && box.height >= 1 && box.bottom > 0 && box.right > 0 &&
            box.top < window.innerHeight && box.left < window.innerWidth,
    };
}"""
COLOUR_PROPERTIES = ["background-color", "border-top-color", "border-bottom-color"]
STYLE_PROPERTIES = [
    "outline-style",
    "outline-width",
    "outline-color",
    "box-shadow",
    *COLOUR_PROPERTIES,
]
MAX_TAB_STOPS = 400


def _script(template):
    return template % ("[" + ", ".join(f'"{prop}"' for prop in STYLE_PROPERTIES) + "]")


def _pixels(value):
    match = re.match(r"([\d.]+)px", value)
    return float(match.group(1)) if match else 0.0


def shows_focus(before, after):
    outline = after["outline-style"] != "none" and _pixels(after["outline-width"]) >= 2
    outline_gained = outline and (
        before["outline-style"] == "none"
        or before["outline-width"] != after["outline-width"]
        or before["outline-color"] != after["outline-color"]
    )
    shadow_gained = after["box-shadow"] not in ("none", before["box-shadow"])
    colour_changed = any(before[prop] != after[prop] for prop in COLOUR_PROPERTIES)
    return outline_gained or shadow_gained or colour_changed


class Keyboard:
    """Tabs through a page, noting each stop and any stop without a visible focus indicator."""

    def __init__(self, page):
        self.page = page
        self.problems = []
        self.stops = []

    def start(self):
        """Call after each page load, before the first key press."""
        self.page.evaluate(_script(REMEMBER_UNFOCUSED_STYLES))

    def press(self, key):
        self.page.keyboard.press(key)
        return self.check_focus()

    def press_and_load(self, key):
        """Press a key that loads a new page (Enter on a link or a submit button)."""
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        self.start()

    def check_focus(self):
        focused = self.page.evaluate(_script(FOCUSED_ELEMENT))
        if focused is None:
            return None
        self.stops.append(focused["name"])
        where = f"{self.page.url} {focused['name']}"
        if focused["before"] is None:
            self.problems.append(f"{where}: focusable but not found before focus")
        elif not shows_focus(focused["before"], focused["after"]):
            self.problems.append(f"{where}: no visible focus indicator")
        if not focused["onScreen"]:
            self.problems.append(f"{where}: focused but not on screen")
        return focused

    def tab_until(self, selector):
        """Press Tab until `selector` has focus; fails if focus goes round the page first."""
        for _ in range(MAX_TAB_STOPS):
            self.press("Tab")
            if self.page.evaluate("s => document.activeElement.matches(s)", selector):
                return
        raise AssertionError(f"Tab never reached {selector} on {self.page.url}: {self.stops}")

    def tab_through_page(self):
        """Tab from the top of the page to its end; returns the names of the stops."""
        first = None
        for _ in range(MAX_TAB_STOPS):
            focused = self.press("Tab")
            if focused is None or (first is not None and focused["stop"] == first):
                return self.stops
            if first is None:
                first = focused["stop"]
        raise AssertionError(f"Tabbing never left {self.page.url}")
