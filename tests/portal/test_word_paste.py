"""Text pasted from Word into a page's body keeps its structure when saved: headings become
heading blocks, the pasted table (marked lines, one a row, from the admin's paste script)
becomes a table block, and empty paragraphs are dropped. Readers get a real table."""

from bs4 import BeautifulSoup

from home.models import StandardPage
from portal.blocks import BodyBlock
from portal.word_paste import TABLE_MARK, TABLE_START
from tests.home.factories import StandardPageFactory

PASTED = (
    '<p data-block-key="a1"></p>'
    '<h2 data-block-key="a2">Sedation in the first 48 hours</h2>'
    '<p data-block-key="a3">Start with the <b>lowest</b> dose.</p>'
    f'<p data-block-key="a4">{TABLE_START}</p>'
    f'<p data-block-key="a5">{TABLE_MARK} Drug | Dose | Notes</p>'
    f'<p data-block-key="a6">{TABLE_MARK} Morphine | 10 micrograms/kg/hour | Titrate</p>'
    f'<p data-block-key="a7">{TABLE_MARK} Midazolam | 1 microgram/kg/minute</p>'
    '<h3 data-block-key="a8">Weaning</h3>'
    '<p data-block-key="a9">Reduce daily.</p>'
    '<p data-block-key="b1"></p>'
)


def _saved(raw_body):
    block = BodyBlock()
    return block.clean(block.to_python(raw_body))


def test_a_pasted_document_becomes_headings_text_and_a_table():
    body = _saved([{"type": "paragraph", "value": PASTED}])

    assert [child.block_type for child in body] == [
        "heading",
        "paragraph",
        "table",
        "heading",
        "paragraph",
    ]
    assert dict(body[0].value) == {"text": "Sedation in the first 48 hours", "level": "h2"}
    assert "<b>lowest</b>" in body[1].value.source
    assert body[2].value["data"] == [
        ["Drug", "Dose", "Notes"],
        ["Morphine", "10 micrograms/kg/hour", "Titrate"],
        ["Midazolam", "1 microgram/kg/minute", ""],
    ]
    assert body[2].value["first_row_is_table_header"] is True
    assert dict(body[3].value) == {"text": "Weaning", "level": "h3"}


def test_text_without_headings_or_tables_keeps_its_block_and_loses_empty_paragraphs():
    body = _saved(
        [
            {
                "type": "paragraph",
                "id": "kept-id",
                "value": '<p data-block-key="x"></p><p data-block-key="y">Only text.</p>',
            }
        ]
    )

    assert [(child.block_type, child.id) for child in body] == [("paragraph", "kept-id")]
    assert body[0].value.source == '<p data-block-key="y">Only text.</p>'


def test_readers_get_a_table_with_column_headings_that_scrolls_on_its_own(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Sedation guide", slug="sedation")
    page.body = _saved([{"type": "paragraph", "value": PASTED}])
    page.save_revision().publish()

    html = BeautifulSoup(client.get("/sedation/").content, "html.parser")

    region = html.select_one(".page-body .table-scroll")
    assert region["role"] == "region" and region["tabindex"] == "0"
    headings = [th.get_text(strip=True) for th in region.select("thead th[scope=col]")]
    assert headings == ["Drug", "Dose", "Notes"]
    assert [td.get_text(strip=True) for td in region.select("tbody tr")[0].select("td")] == [
        "Morphine",
        "10 micrograms/kg/hour",
        "Titrate",
    ]
    assert [h.get_text() for h in html.select(".page-body h2, .page-body h3")] == [
        "Sedation in the first 48 hours",
        "Weaning",
    ]
    assert TABLE_MARK not in html.get_text()
    assert StandardPage.objects.get(slug="sedation").body[2].block_type == "table"
