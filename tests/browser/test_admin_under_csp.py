"""Wagtail's editor works under the admin's Content-Security-Policy: the live preview shows the
page in its frame with nothing blocked (the `page` fixture fails the test on any CSP
violation)."""

import pytest
from django.contrib.auth.models import Group

from home.models import StandardPage

pytestmark = pytest.mark.browser

PASSWORD = "a long password for the browser test"


@pytest.fixture
def moderator(demo_pages, django_user_model):
    user = django_user_model.objects.create_user("moderator", password=PASSWORD)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def standard_page(demo_pages):
    return StandardPage.objects.live().get(slug="privacy")


def test_preview_works_under_the_admin_policy(moderator, standard_page, page):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    assert "'unsafe-inline'" in page.goto("/admin/").headers["content-security-policy"]

    page.goto(f"/admin/pages/{standard_page.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    assert preview.get_by_role("heading", level=1).inner_text() == standard_page.title
