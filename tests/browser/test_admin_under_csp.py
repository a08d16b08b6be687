"""Wagtail's editor works under the admin's Content-Security-Policy: the live preview shows the
page in its frame, an editor uploads an image in the image chooser and picks a document in the
document chooser, with nothing blocked (the `page` fixture fails the test on any CSP
violation)."""

from io import BytesIO

import pytest
from PIL import Image
from playwright.sync_api import expect

from home.models import StandardPage
from library.models import ResourcePage
from tests.browser.conftest import MODERATOR_PASSWORD as PASSWORD
from tests.browser.conftest import MODERATOR_USERNAME as USERNAME

# No background autosave: its request and Save draft would reach SQLite at the same time.
pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_autosave")]

IMAGE_TITLE = "Example sharing image"


def png():
    picture = BytesIO()
    Image.new("RGB", (1200, 630), "teal").save(picture, "PNG")
    return {"name": "sharing.png", "mimeType": "image/png", "buffer": picture.getvalue()}


def save_draft(page):
    page.get_by_role("button", name="Save draft").click()
    expect(page.locator(".messages")).to_contain_text("has been updated")
    # Leave the editor now, so its "editing session ended" request reaches the server while
    # the test database is still there.
    page.goto("/admin/")


@pytest.fixture
def standard_page(demo_pages):
    return StandardPage.objects.live().get(slug="privacy")


def sign_in(page):
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(USERNAME)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")


def test_preview_works_under_the_admin_policy(moderator_account, standard_page, page):
    sign_in(page)
    assert "'unsafe-inline'" in page.goto("/admin/").headers["content-security-policy"]

    page.goto(f"/admin/pages/{standard_page.pk}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("iframe#w-preview-iframe")
    assert preview.get_by_role("heading", level=1).inner_text() == standard_page.title


def test_an_editor_uploads_and_chooses_an_image_in_the_image_chooser(
    moderator_account, standard_page, page
):
    sign_in(page)

    page.goto(f"/admin/pages/{standard_page.pk}/edit/")
    page.get_by_role("tab", name="Promote").click()
    page.get_by_role("button", name="Choose an image").click()
    chooser = page.locator(".modal")
    # Uploaded here: the demo has no images, and those the page fixtures add sit in collections
    # of their own, outside the root collection editors may choose from.
    chooser.get_by_role("tab", name="Upload").click()
    chooser.get_by_label("File").set_input_files(png())
    chooser.get_by_label("Title").fill(IMAGE_TITLE)
    chooser.get_by_role("button", name="Upload").click()

    # The modal closes and the form shows the new image as chosen, ready to save.
    expect(page.locator("#id_social_image-chooser .chooser__title")).to_have_text(IMAGE_TITLE)
    expect(chooser).to_be_hidden()
    save_draft(page)
    standard_page.refresh_from_db()
    assert standard_page.get_latest_revision_as_object().social_image.title == IMAGE_TITLE


def test_an_editor_picks_a_document_in_the_document_chooser(moderator_account, page):
    resource = ResourcePage.objects.live().filter(documents__isnull=False).first()
    document = resource.documents.get().document
    sign_in(page)

    page.goto(f"/admin/pages/{resource.pk}/edit/")
    page.get_by_role("button", name="Add Document").click()
    page.get_by_role("button", name="Choose a document").click()
    chooser = page.locator(".modal")
    chooser.get_by_role("link", name=document.title).first.click()

    chosen = page.locator("#id_documents-1-document-chooser .chooser__title")
    expect(chosen).to_have_text(document.title)
    expect(chooser).to_be_hidden()
    page.locator("#id_documents-1-label").fill("handout")
    save_draft(page)
    resource.refresh_from_db()
    entries = resource.get_latest_revision_as_object().documents.all()
    assert [entry.label for entry in entries] == ["slides", "handout"]
    assert entries[1].document.title == document.title
