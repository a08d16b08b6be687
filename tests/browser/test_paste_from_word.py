"""Pasting a Word document into a page's body keeps its meaning: at 1024 and 1280 px a
Moderator pastes (a real paste from the clipboard) text with headings, a table, a comment marker
and an empty first paragraph, publishes, and readers get the headings as headings within the
page's levels, a real table with its column headings, and neither the marker nor the comment.
The table is a table block in the editor as soon as it is pasted."""

import pytest
from playwright.sync_api import expect

from home.models import HomePage
from tests.browser.conftest import LAPTOPS, sign_in_as
from tests.home.factories import StandardPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("no_autosave")]

laptops = pytest.mark.parametrize("screen", LAPTOPS, ids=lambda size: f"{size['width']}px")

# What Word puts on the clipboard, cut down: Office namespaces, Mso classes, an empty first
# paragraph, a comment (on the words "lowest dose", which stay; its marker "[EA1]" in the text
# and its words at the end), a table.
WORD_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"><body lang=EN-GB><!--StartFragment-->
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<h1>Sedation in the first 48 hours<o:p></o:p></h1>
<p class=MsoNormal>Start with the <a style='mso-comment-reference:EA_1'>lowest
dose</a><span class=MsoCommentReference><span style='font-size:8.0pt'><a class=msocomanchor
id="_anchor_1" href="#_msocom_1" name="_msoanchor_1">[EA1]</a>&nbsp;</span></span>.<o:p></o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
<tr><td><p class=MsoNormal><b>Drug<o:p></o:p></b></p></td>
<td><p class=MsoNormal><b>Dose<o:p></o:p></b></p></td></tr>
<tr><td><p class=MsoNormal>Morphine<o:p></o:p></p></td>
<td><p class=MsoNormal>10 micrograms/kg/hour<o:p></o:p></p></td></tr>
<tr><td><p class=MsoNormal>Midazolam<o:p></o:p></p></td>
<td><p class=MsoNormal>1 microgram/kg/minute<o:p></o:p></p></td></tr>
</table>
<h2>Weaning<o:p></o:p></h2>
<p class=MsoNormal>Reduce the dose each day.<o:p></o:p></p>
<div style='mso-element:comment-list'><hr class=msocomoff align=left size=1 width="33%">
<div style='mso-element:comment'><div class=msocomtxt id=_com_1>
<p class=MsoCommentText>Check this with pharmacy</p></div></div></div>
<!--EndFragment--></body></html>"""

PUT_ON_CLIPBOARD = """async (html) => {
    const item = new ClipboardItem({
        "text/html": new Blob([html], {type: "text/html"}),
        "text/plain": new Blob(["(Word text)"], {type: "text/plain"}),
    });
    await navigator.clipboard.write([item]);
}"""


@laptops
def test_a_word_document_pasted_into_the_body_keeps_headings_and_its_table(
    account_in, demo_pages, page, visitor, screen
):
    account_in("Moderators")
    guide = StandardPageFactory(
        parent=HomePage.objects.get(),
        title="Sedation guide",
        slug="sedation-guide",
        body=[("paragraph", "<p>Draft.</p>")],
    )
    guide.save_revision().publish()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size(screen)
    sign_in_as(page, "moderators")
    page.goto(f"/admin/pages/{guide.pk}/edit/")

    text = page.locator("[data-contentpath='body'] .public-DraftEditor-content").first
    text.click()
    page.keyboard.press("ControlOrMeta+A")
    page.evaluate(PUT_ON_CLIPBOARD, WORD_HTML)
    page.keyboard.press("ControlOrMeta+V")
    # One paste: the table is a table block at once, and the text after it a text block of its own.
    expect(page.get_by_role("cell", name="Morphine").first).to_be_visible()
    after = page.locator("[data-contentpath='body'] .public-DraftEditor-content").last
    expect(after).to_contain_text("Reduce the dose each day.")
    expect(text).to_contain_text("Start with the lowest dose.")
    expect(text).not_to_contain_text("Morphine")
    expect(page.locator("[data-contentpath='body']")).not_to_contain_text("[EA1]")
    # Draftail writes its text to the form a moment after the last change, as a person reads.
    page.wait_for_timeout(1000)

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/pages/*/")

    visitor.goto("/sedation-guide/")
    body = visitor.locator(".page-body")
    expect(body.locator("h2")).to_have_text(["Sedation in the first 48 hours"])
    expect(body.locator("h3")).to_have_text(["Weaning"])
    table = body.get_by_role("region", name="Table").locator("table")
    expect(table.locator("thead th")).to_have_text(["Drug", "Dose"])
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.locator("tbody tr").first.locator("td")).to_have_text(
        ["Morphine", "10 micrograms/kg/hour"]
    )
    expect(body).to_contain_text("Start with the lowest dose.")
    expect(body).not_to_contain_text("[EA1]")
    expect(body).not_to_contain_text("Check this with pharmacy")
    expect(body).not_to_contain_text("Draft.")
    first = body.locator(":scope > *").first
    expect(first).not_to_have_text("")


# Only a table, as when an editor copies just the table from a Word document.
WORD_TABLE = """<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>
<tr><td><p class=MsoNormal><b>Clinic<o:p></o:p></b></p></td>
<td><p class=MsoNormal><b>Day<o:p></o:p></b></p></td></tr>
<tr><td><p class=MsoNormal>Follow-up<o:p></o:p></p></td>
<td><p class=MsoNormal>Tuesday<o:p></o:p></p></td></tr>
</table>
<!--EndFragment--></body></html>"""


@laptops
def test_a_table_pasted_alone_into_an_empty_text_block_takes_its_place(
    account_in, demo_pages, page, visitor, screen
):
    account_in("Moderators")
    clinics = StandardPageFactory(
        parent=HomePage.objects.get(),
        title="Clinics",
        slug="clinics",
        body=[("paragraph", "<p>Draft.</p>")],
    )
    clinics.save_revision().publish()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size(screen)
    sign_in_as(page, "moderators")
    page.goto(f"/admin/pages/{clinics.pk}/edit/")

    text = page.locator("[data-contentpath='body'] .public-DraftEditor-content").first
    text.click()
    page.keyboard.press("ControlOrMeta+A")
    page.keyboard.press("Backspace")
    expect(text).to_have_text("")
    page.evaluate(PUT_ON_CLIPBOARD, WORD_TABLE)
    page.keyboard.press("ControlOrMeta+V")

    # The empty text block gives way to the table, so nothing empty stands in the way of publishing.
    expect(page.get_by_role("cell", name="Follow-up").first).to_be_visible()
    expect(text).to_be_hidden()
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/pages/*/")

    visitor.goto("/clinics/")
    table = visitor.locator(".page-body").get_by_role("region", name="Table").locator("table")
    expect(table.locator("thead th")).to_have_text(["Clinic", "Day"])
    expect(table.locator("tbody td")).to_have_text(["Follow-up", "Tuesday"])
    expect(visitor.locator(".page-body")).not_to_contain_text("Draft.")
