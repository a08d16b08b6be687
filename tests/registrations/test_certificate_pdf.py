"""Certificates print every name as written, in any script, and keep everything within margins.

Each test reads the PDF's text and renders the page (PDFium, from the pypdfium2 wheel) to look
at the ink: a glyph a font lacks is drawn as an empty box, which the text alone cannot show.
"""

import io
import re

import pypdfium2
import pytest
from pypdf import PdfReader

from registrations import certificates
from registrations.certificates import BORDER, MARGIN
from tests.registrations.factories import RegistrationFactory

NAMES = [
    "Gwenllian ap Dŵr",  # Welsh
    "Ŷwain Llŷr",
    "Łukasz Ćwikliński-Żółć",  # Polish
    "Nguyễn Thị Ánh Tuyết",  # Vietnamese: stacked accents
    "Ελένη Παπαδοπούλου",  # Greek
    "Юлия Соколова",  # Cyrillic
    "王小明",  # Chinese
    "山田 はなこ",  # Japanese
    "محمد عبد الله",  # Arabic: joined letters, right to left
]
# Long enough to cross both edges of the page on one line at the title's size.
LONG_TITLE = (
    "Paediatric critical care transfers across the regional networks: a multidisciplinary "
    "workshop on stabilisation, retrieval logistics, family communication, the governance of "
    "shared protocols and what the national audit asks of every unit in the coming year"
)
SCALE = 2  # pixels per point
INK = 160  # grey level (0 black, 255 white) darker than which a pixel is printed


def pdf_for(event, name, **event_facts):
    for field, value in event_facts.items():
        setattr(event, field, value)
    event.save_revision().publish()
    event.refresh_from_db()
    registration = RegistrationFactory(event=event, full_name=name, status="attended")
    return certificates.render_pdf(certificates.issue(registration))


def page_of(pdf):
    return pypdfium2.PdfDocument(pdf)[0]


def image_of(pdf):
    return page_of(pdf).render(scale=SCALE, grayscale=True).to_pil().convert("L")


def glyphs_drawn(pdf, name):
    """For each character of the name, whether the page shows a glyph for it.

    PDFium gives each character's box from its glyph's outline; a missing glyph has none, so its
    box is flat. A character counts as drawn when its box has room in both directions (a hyphen
    is short, not flat) and ink inside.
    """
    page = page_of(pdf)
    text_page = page.get_textpage()
    text = text_page.get_text_range()
    start = text.find(name)
    assert start >= 0, f"{name!r} not in the page's text: {text!r}"
    image = image_of(pdf)
    height = page.get_height()
    drawn = {}
    for index in range(start, start + len(name)):
        char = text[index]
        if char.isspace():
            continue
        left, bottom, right, top = text_page.get_charbox(index)
        box = (left * SCALE, (height - top) * SCALE, right * SCALE, (height - bottom) * SCALE)
        crop = image.crop(tuple(round(edge) for edge in box))
        inked = sum(1 for value in crop.get_flattened_data() if value < INK)
        drawn[char] = right - left > 1 and top - bottom > 1 and inked > 2
    return drawn


def ink_outside_margins(pdf):
    """Printed pixels beyond the frame, or between the frame and the margin, on any side."""
    image = image_of(pdf)
    width, height = image.size
    frame_outer = (BORDER - 3) * SCALE
    frame_inner = (BORDER + 3) * SCALE
    margin = (MARGIN - 1) * SCALE
    pixels = image.load()
    found = []
    for x in range(width):
        for y in range(height):
            from_edge = min(x, y, width - 1 - x, height - 1 - y)
            if (from_edge < frame_outer or frame_inner < from_edge < margin) and pixels[x, y] < INK:
                found.append((x, y))
    return found


@pytest.mark.parametrize("name", NAMES)
def test_a_name_in_any_script_prints_as_written(event, name):
    pdf = pdf_for(event, name)

    if not re.search(r"[\u0600-\u06ff]", name):
        # Arabic is stored in its joined, display forms: PDFium reads it back below.
        assert name in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    drawn = glyphs_drawn(pdf, name)
    assert all(drawn.values()), f"drawn as an empty box: {[c for c, ok in drawn.items() if not ok]}"


def test_a_character_no_font_has_is_seen_as_missing(event):
    """The check above can fail: a private-use character has no glyph in any of the fonts."""
    pdf = pdf_for(event, "Alex \ue000")

    with pytest.raises(AssertionError):
        assert (
            all(glyphs_drawn(pdf, "Alex").values())
            and "\ue000" in page_of(pdf).get_textpage().get_text_range()
        )


def test_a_long_title_and_name_wrap_within_the_margins(event):
    name = "Gwenllian Angharad Eluned ap Dŵr-Llewelyn-Vaughan-Prydderch " * 3
    pdf = pdf_for(event, name.strip(), title=LONG_TITLE)

    text = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert LONG_TITLE in text
    assert " ".join(name.split()) in text
    assert ink_outside_margins(pdf) == []
    # Nothing ran into the chair's signature at the foot of the page.
    assert "Dr Chair Example\nChair, Implementation Group" in page_of(
        pdf
    ).get_textpage().get_text_range().replace("\r", "")
