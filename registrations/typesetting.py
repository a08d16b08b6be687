"""Setting certificate text in any script: embedded Noto fonts chosen per character, Arabic
joined and right to left, and lines wrapped (or made smaller) to stay within the margins.

Noto Sans sets Latin with its extensions (Welsh ŵ and ŷ, Polish Ł, Vietnamese), Greek and
Cyrillic. A character it lacks is set in Noto Sans Arabic or, for Chinese, Japanese and Korean,
in Noto Sans SC, TC, JP or KR, whichever has it first; the CJK files (10-18 MB) are read only
when a certificate needs them. The fonts come unmodified, under the SIL Open Font License, in
PyPI packages (`fontpkg-noto-sans`, `fontpkg-noto-sans-arabic`, `justmytype-intl-cjk`), so
`make install` is all a new machine needs, and every PDF embeds the glyphs it uses.

The files are variable fonts, whose default instance ReportLab embeds: regular for Noto Sans
and Arabic, thin for CJK. Bold, and CJK at a readable weight, are drawn by stroking the outlines
as well as filling them: making a real bold instance with fontTools takes half a minute.

ReportLab draws glyphs left to right as given, without shaping. Arabic is therefore joined
with arabic-reshaper (each letter's initial, medial or final form) and put in display order,
line by line, with python-bidi (the Unicode bidirectional algorithm).
"""

import functools
import unicodedata
from dataclasses import dataclass
from importlib.resources import files

import arabic_reshaper
from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

# Stroke width, as a share of the font size, that makes a regular outline look bold.
BOLD_STROKE = 0.05


@dataclass(frozen=True)
class Face:
    name: str
    package: str
    path: str
    # Stroke added to every glyph: the CJK fonts' default instance is their thinnest.
    stroke: float = 0.0


FACES = (
    Face("NotoSans", "fontpkg_noto_sans", "files/NotoSans[wdth,wght].ttf"),
    Face("NotoSansArabic", "fontpkg_noto_sans_arabic", "files/NotoSansArabic[wdth,wght].ttf"),
    *(
        Face(
            f"NotoSans{region}",
            "justmytype_intl_cjk",
            f"fonts/ofl/notosans{region.lower()}/NotoSans{region}[wght].ttf",
            stroke=0.025,
        )
        for region in ("SC", "TC", "JP", "KR")
    ),
)
PRIMARY = FACES[0]


@functools.cache
def _font(face):
    """The face registered with ReportLab, read on first use and kept for the process."""
    path = files(face.package).joinpath(face.path)
    font = TTFont(face.name, str(path))
    pdfmetrics.registerFont(font)
    return font


def _has(face, char):
    return ord(char) in _font(face).face.charToGlyph


def _might_need_fallback(char):
    return ord(char) > 0x24F and not _has(PRIMARY, char)


def face_for(char):
    """The first face with a glyph for the character; Noto Sans (a visible box) if none has."""
    if not _might_need_fallback(char):
        return PRIMARY
    for face in FACES[1:]:
        if _has(face, char):
            return face
    return PRIMARY


@dataclass(frozen=True)
class Run:
    text: str
    face: Face


def runs(text):
    """The text cut where the face changes; spaces and combining marks stay in their run."""
    result = []
    for char in text:
        joins = result and (char.isspace() or unicodedata.combining(char))
        face = result[-1].face if joins else face_for(char)
        if result and result[-1].face == face:
            result[-1] = Run(result[-1].text + char, face)
        else:
            result.append(Run(char, face))
    return result


def is_right_to_left(text):
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def prepare(text):
    """Text as it should be measured and wrapped: Arabic letters in their joined forms."""
    return arabic_reshaper.reshape(text) if is_right_to_left(text) else text


def in_display_order(line):
    return get_display(line) if is_right_to_left(line) else line


def width(text, size):
    return sum(
        pdfmetrics.stringWidth(run.text, _font(run.face).fontName, size) for run in runs(text)
    )


def _break_word(word, size, max_width):
    """A word too wide for a line (a long CJK name has no spaces), in pieces that fit."""
    pieces, piece = [], ""
    for char in word:
        if piece and width(piece + char, size) > max_width:
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def wrap(text, size, max_width):
    """Lines of the (prepared) text no wider than max_width, broken between words."""
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if width(candidate, size) <= max_width:
            line = candidate
            continue
        if line:
            lines.append(line)
        pieces = _break_word(word, size, max_width)
        lines.extend(pieces[:-1])
        line = pieces[-1] if pieces else ""
    return [*lines, line] if line else lines


def fit(text, size, max_width, *, max_lines=1, smallest=9):
    """The size and lines that set the text in at most max_lines, shrinking it as needed.

    At the smallest size the text wraps onto as many lines as it needs: nothing is cut off.
    """
    text = prepare(text)
    while True:
        lines = wrap(text, size, max_width)
        if len(lines) <= max_lines or size <= smallest:
            return size, lines
        size = max(smallest, size * 0.9)


def draw_line(pdf, line, x, y, size, *, colour, bold=False, align="centre"):
    """One line at a baseline, centred on x (or starting at x, or ending at x)."""
    line = in_display_order(line)
    line_width = width(line, size)
    start = {"centre": x - line_width / 2, "left": x, "right": x - line_width}[align]
    for run in runs(line):
        stroke = (BOLD_STROKE if bold else 0) + run.face.stroke
        font_name = _font(run.face).fontName
        # The render mode outlasts a text object: saved and restored around each run, so a
        # bold run never leaves the next one stroked.
        pdf.saveState()
        pdf.setFillColor(colour)
        pdf.setStrokeColor(colour)
        text = pdf.beginText(start, y)
        text.setFont(font_name, size)
        if stroke:
            text.setTextRenderMode(2)  # fill, then stroke the same outline
            pdf.setLineWidth(size * stroke)
        text.textOut(run.text)
        pdf.drawText(text)
        pdf.restoreState()
        start += pdfmetrics.stringWidth(run.text, font_name, size)
