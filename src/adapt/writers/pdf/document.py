"""Screenplay model → industry-format PDF (Courier 12 pt, US Letter, numbered pages).

Layout and page breaking happen on a character grid in ``blocks``/``pages``,
set by ``settings.PdfSettings``; this module only draws that grid with ReportLab's canvas.
Drawing each line at its own grid position (rather than flowing Platypus paragraphs) is
what makes ``(MORE)``, ``(CONT'D)`` and the page-break rules exact.
"""
from __future__ import annotations

import io
from typing import TYPE_CHECKING

from adapt.inline import plain
from adapt.model import Screenplay
from adapt.writers.pdf.cells import cells
from adapt.writers.pdf.fonts import SLANT as _SLANT
from adapt.writers.pdf.fonts import Fonts
from adapt.writers.pdf.pages import Page, layout
from adapt.writers.pdf.settings import A4, DEFAULT, PdfSettings

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

__all__ = ["A4", "DEFAULT", "PdfSettings", "write_pdf"]



_POINTS_PER_COLUMN = 7.2  # 10 characters per inch
_POINTS_PER_LINE = 12.0  # 6 lines per inch
_BASELINE = 9.0  # from the top of a 12 pt line cell down to Courier's baseline


def write_pdf(doc: Screenplay, settings: PdfSettings = DEFAULT) -> bytes:
    """Render the script; the same model and settings always give the same bytes."""
    from reportlab.pdfgen.canvas import Canvas

    s = settings
    placed = layout(doc, s)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(s.page_width * _POINTS_PER_COLUMN,
                                   s.page_height * _POINTS_PER_LINE), invariant=1,
                    pageCompression=1)  # also much faster: less to ASCII85-encode
    title, author = doc.title.get("Title"), doc.title.get("Author") or doc.title.get("Authors")
    canvas.setTitle(" ".join(plain(title).split()) if title else None)
    canvas.setAuthor(" ".join(plain(author).split()) if author else None)
    canvas.setCreator("adapt")
    needed: set[str] = set()
    for page in ((placed.title,) if placed.title else ()) + placed.pages:
        for line in page:
            for seg in line:
                for run in seg.runs:
                    if not run.text.isascii():  # Courier Prime has every ASCII glyph
                        needed.update(run.text)
    fonts = Fonts(s.font, needed, s.fallback_fonts, s.font_size, _POINTS_PER_COLUMN)
    fonts.warn()
    for title_page in (placed.title, *placed.title_more) if placed.title is not None else ():
        _draw_page(canvas, title_page, s, fonts)
        canvas.showPage()
    for number, page in enumerate(placed.pages, start=1):
        # Industry format leaves page 1 unnumbered.
        _draw_page(canvas, page, s, fonts, f"{number}." if number > 1 else None)
        canvas.showPage()
    if placed.title is None and not placed.pages:
        canvas.showPage()  # a PDF with no pages is invalid; an empty script is one blank page
    canvas.save()
    return out.getvalue()


def _draw_page(canvas: Canvas, page: Page, s: PdfSettings, fonts: Fonts,
               number: str | None = None) -> None:
    """One text object for the whole page: a ``drawString`` per run costs a text
    object, a font switch and shaping each, most of the writer's time."""
    text = canvas.beginText()
    font: str | None = None
    space = 0.0  # the text object's character spacing (Tc)
    rules: list[tuple[float, float, float]] = []  # underlines: x0, x1, y
    primary = fonts.primary
    if number is not None:  # flush right with the text area, half an inch down
        font = primary[False, False]
        text.setFont(font, s.font_size)
        text.setTextOrigin(_x(s.width - len(number), s), _y(s.page_number_line, s))
        text.textLine(number)
    for row, line in enumerate(page):
        y = _y(s.top_margin + row, s)
        for seg in line:
            col = seg.col
            for run in seg.runs:
                # Every run starts at its own grid column, so width rounding never drifts.
                x = _x(col, s)
                if fonts.plain(run.text):
                    if primary[run.bold, run.italic] != font:
                        font = primary[run.bold, run.italic]
                        text.setFont(font, s.font_size)
                    if space:
                        space = 0.0
                        text.setCharSpace(0)
                    text.setTextOrigin(x, y)
                    text.textLine(run.text)  # unlike textOut, measures nothing: the grid knows
                    width = cells(run.text)
                else:  # characters Courier Prime lacks: each font's stretch on the grid
                    width = 0
                    for st in fonts.stretches(run.text, run.bold, run.italic):
                        if st.font != font:
                            font = st.font
                            text.setFont(font, s.font_size)
                        if st.space != space:
                            space = st.space
                            text.setCharSpace(space)
                        at = _x(col + width, s) + st.shift
                        if st.slant:
                            text.setTextTransform(1, 0, _SLANT, 1, at, y)
                        else:
                            text.setTextOrigin(at, y)
                        text.textLine(st.text)
                        width += st.cells
                if run.underline:
                    rules.append((x, x + width * _POINTS_PER_COLUMN, y - 1.8))
                col += width
    canvas.drawText(text)
    if rules:
        canvas.setLineWidth(0.6)
        canvas.lines([(x0, y, x1, y) for x0, x1, y in rules])


def _x(col: float, s: PdfSettings) -> float:
    return (s.left_margin + col) * _POINTS_PER_COLUMN


def _y(row: float, s: PdfSettings) -> float:
    return (s.page_height - row) * _POINTS_PER_LINE - _BASELINE
