"""The public pages every browser check covers, found in the demo content by what they show.

Each entry names a page type and state a reader can reach (an event that is cancelled, a
join form sent with errors), so a failure says which kind of page broke. States reached by
sending a form carry the form data; `visit` and `fetch` reach them the way a reader would.
"""

from dataclasses import dataclass, field

from django.test import Client


@dataclass(frozen=True)
class CoveredPage:
    name: str
    path: str
    status: int = 200
    form: dict = field(default_factory=dict)

    @property
    def slug(self):
        return "".join(c if c.isalnum() else "-" for c in self.name.lower()).strip("-")


def covered_pages():
    """Every public page type and state, as paths into the demo site that is loaded now."""
    return [
        CoveredPage("Home", "/"),
        CoveredPage("Standard page", "/membership/"),
        CoveredPage("Standard page: privacy notice", "/privacy/"),
        CoveredPage("Standard page: accessibility statement", "/accessibility/"),
        CoveredPage("Site search: empty", "/search/"),
        CoveredPage("Site search: results", "/search/?query=care"),
        CoveredPage("Site search: no results", "/search/?query=xylophone"),
        CoveredPage("Page not found", "/no-such-page/", status=404),
    ]


def visit(page, covered):
    """Open `covered` in a Playwright page, sending its form through the page if it has one."""
    response = page.goto(covered.path)
    if covered.form:
        form = page.locator("main form[method=post]")
        for name, value in covered.form.items():
            field_ = form.locator(f'[name="{name}"]')
            if field_.first.get_attribute("type") in ("checkbox", "radio"):
                form.locator(f'[name="{name}"][value="{value}"]').check()
            else:
                field_.fill(value)
        with page.expect_navigation() as navigation:
            form.locator("[type=submit]").click()
        response = navigation.value
    assert response.status == covered.status, f"{covered.name} ({covered.path}): {response.status}"
    return response


def fetch(client: Client, covered):
    """The HTML the server sends for `covered`, fetched with Django's test client."""
    if covered.form:
        response = client.post(covered.path, covered.form, follow=True)
    else:
        response = client.get(covered.path)
    assert response.status_code == covered.status, (
        f"{covered.name} ({covered.path}): {response.status_code}"
    )
    return response.content
