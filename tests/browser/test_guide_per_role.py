"""Each role opens the editor's guide from Help and finds its own section, with a picture of
the admin as that role sees it."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LAPTOPS, sign_in_as

pytestmark = [pytest.mark.browser]

laptops = pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size['width']}px")
ROLES = ["Editors", "Moderators", "Membership", "Event organisers"]


@laptops
@pytest.mark.parametrize("role", ROLES)
def test_each_role_finds_its_own_section_of_the_guide(account_in, page, screen, role):
    account_in(role)
    page.set_viewport_size(screen)
    sign_in_as(page, role.lower())
    page.goto("/admin/guide/")

    page.get_by_role("link", name="What each role sees").first.click()
    section = page.get_by_role("heading", name=role, exact=True)
    expect(section).to_be_visible()
    picture = (
        page.locator("img[src*='role-']")
        .filter(has=page.locator("xpath=."))
        .and_(page.locator(f"img[src*='{role.lower().replace(' ', '-')}']"))
    )
    expect(picture).to_be_visible()
    assert picture.evaluate("image => image.complete && image.naturalWidth > 0")
