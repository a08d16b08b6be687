"""An editor uploads a program renamed as a PDF: the admin refuses it with one clear sentence
saying what is wrong, not a second, contradictory one about a file extension."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import LAPTOPS, sign_in_as

pytestmark = [pytest.mark.browser]

laptops = pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size['width']}px")
PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 1000


@laptops
def test_a_program_renamed_as_a_pdf_is_refused_with_one_clear_message(account_in, page, screen):
    account_in("Editors")
    page.set_viewport_size(screen)
    sign_in_as(page, "editors")
    page.get_by_role("link", name="Documents").first.click()
    page.get_by_role("link", name="Add a document").first.click()

    page.locator("input[type=file]").set_input_files(
        {"name": "minutes.pdf", "mimeType": "application/pdf", "buffer": PROGRAM}
    )

    refused = page.get_by_text("This file is not a real PDF file")
    expect(refused).to_be_visible()
    upload_list = page.locator("#upload-list")
    expect(upload_list).to_contain_text("not a real PDF file")
    assert "extension" not in upload_list.inner_text()
