"""Text pasted from Word into a page's body keeps its structure when the page is saved.

The body's text editor (Draftail) holds paragraphs, lists and h2/h3 headings, never tables. The
admin script `static/js/admin-word-paste.js` cleans a paste from Word (comment markers, empty
paragraphs, heading levels) and makes each table a table block as it is pasted; where it cannot
add blocks, it turns each table into marked lines, one a row, instead. On saving,
`restructure` splits each text block there: its headings become heading blocks and its marked
lines become a table block, in the order they were pasted, so the page's structure stays in its
blocks as the editor's guide describes.
"""

from bs4 import BeautifulSoup
from wagtail.blocks import StreamValue

# Must match static/js/admin-word-paste.js.
TABLE_MARK = "▦"
TABLE_START = f"{TABLE_MARK} Table pasted from Word: it becomes a table when you save"
CELL_SEPARATOR = " | "
HEADING_LEVELS = ("h2", "h3")
# A longer heading than a heading block takes stays a heading in the text.
HEADING_LENGTH = 120


def restructure(stream_block, value):
    """The body `value` (a StreamValue of `stream_block`) with each text block's headings and
    pasted tables made blocks of their own, and its empty paragraphs left out."""
    children = []
    for child in value:
        if child.block_type != "paragraph":
            children.append((child.block_type, child.value, child.id))
            continue
        parts = _split_text(child.value.source)
        for block_type, raw in parts:
            native = stream_block.child_blocks[block_type].to_python(raw)
            # A text block that stays one keeps its id (comments on it stay with it).
            block_id = child.id if len(parts) == 1 else None
            children.append((block_type, native, block_id))
    return StreamValue(stream_block, children)


def _split_text(source):
    parts = []
    text = []
    table = None

    def end_text():
        if text:
            parts.append(("paragraph", "".join(text)))
            text.clear()

    def end_table():
        nonlocal table
        if table:
            parts.append(("table", _table_value(table)))
        table = None

    for element in BeautifulSoup(source, "html.parser").contents:
        line = element.get_text(" ", strip=True) if hasattr(element, "get_text") else ""
        if line == TABLE_START:
            end_text()
            end_table()
            table = []
        elif table is not None and line.startswith(TABLE_MARK):
            table.append([cell.strip() for cell in line[1:].split(CELL_SEPARATOR.strip())])
        else:
            end_table()
            if getattr(element, "name", None) in HEADING_LEVELS and len(line) <= HEADING_LENGTH:
                end_text()
                parts.append(("heading", {"text": line, "level": element.name}))
            elif line or getattr(element, "name", None) in ("ul", "ol", "embed"):
                text.append(str(element))
    end_text()
    end_table()
    return parts


def _table_value(rows):
    width = max(len(row) for row in rows)
    return {
        "data": [row + [""] * (width - len(row)) for row in rows],
        "first_row_is_table_header": True,
        "first_col_is_header": False,
        "table_caption": "",
    }
