"""Screenplay model → industry-format PDF (Courier 12 pt, US Letter, numbered pages).

Layout and page breaking happen on a character grid in ``blocks``/``pages``,
set by ``settings.PdfSettings``; this module only draws that grid with ReportLab's canvas.
Drawing each line at its own grid position (rather than flowing Platypus paragraphs) is
what makes ``(MORE)``, ``(CONT'D)`` and the page-break rules exact.
"""
from __future__ import annotations

import io
from functools import cache
from typing import TYPE_CHECKING, Any

from adapt.inline import plain
from adapt.model import Screenplay
from adapt.resources import font_path
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
    fonts = _fonts(s.font)
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


@cache
def _fonts(family: str) -> dict[tuple[bool, bool], str]:
    """ReportLab font names by (bold, italic); registers Courier Prime once per process."""
    if family == "Courier":
        return {(False, False): "Courier", (True, False): "Courier-Bold",
                (False, True): "Courier-Oblique", (True, True): "Courier-BoldOblique"}
    if family != "Courier Prime":
        raise ValueError(f"unknown PDF font {family!r}; use 'Courier Prime' or 'Courier'")
    from reportlab.pdfbase import pdfmetrics

    font = _subset_font()
    names: dict[tuple[bool, bool], str] = {}
    for key, suffix in (((False, False), ""), ((True, False), "-Bold"),
                        ((False, True), "-Italic"), ((True, True), "-Bold-Italic")):
        name = f"CourierPrime{suffix}"
        pdfmetrics.registerFont(font(name, str(font_path(f"Courier-Prime{suffix}.ttf"))))
        names[key] = name
    return names


def _subset_font() -> type:
    """ReportLab's TTFont with a quicker ``splitString``, half the drawing time otherwise.

    TTFont maps each character to its code in a font subset one by one in Python. A
    string whose characters all have a code in the first subset already (nearly every
    line after the first page) maps in one ``str.translate`` to the same bytes; any
    other string goes the original way, which assigns the new codes.
    """
    from reportlab.pdfbase.ttfonts import TTFont

    class SubsetFont(TTFont):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # (the document's subset state, its number of codes then, their characters, the
            # translate table): for the document drawn last, rebuilt when a code is added
            self._known: tuple[Any, int, frozenset[str], dict[int, int]] | None = None

        def splitString(self, text: Any, doc: Any, encoding: str = "utf-8") -> Any:  # noqa: N802
            state = self.state.get(doc)
            if state is None or not isinstance(text, str) or not text:
                return super().splitString(text, doc, encoding)
            known = self._known
            if known is None or known[0] is not state or known[1] != len(state.assignments):
                table = {c: n for c, n in state.assignments.items() if n < 256}
                table.pop(0xA0, None)
                if 32 in table:
                    table[0xA0] = table[32]  # TTFont prints a no-break space as a space
                known = self._known = (state, len(state.assignments), frozenset(map(chr, table)),
                                       table)
            if not known[2].issuperset(text):
                return super().splitString(text, doc, encoding)
            return [(0, text.translate(known[3]).encode("latin-1"))]

    return SubsetFont


def _draw_page(canvas: Canvas, page: Page, s: PdfSettings,
               fonts: dict[tuple[bool, bool], str], number: str | None = None) -> None:
    """One text object for the whole page: a ``drawString`` per run costs a text
    object, a font switch and shaping each, most of the writer's time."""
    text = canvas.beginText()
    font: str | None = None
    rules: list[tuple[float, float, float]] = []  # underlines: x0, x1, y
    if number is not None:  # flush right with the text area, half an inch down
        font = fonts[False, False]
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
                if fonts[run.bold, run.italic] != font:
                    font = fonts[run.bold, run.italic]
                    text.setFont(font, s.font_size)
                text.setTextOrigin(x, y)
                text.textLine(run.text)  # unlike textOut, measures nothing: the grid knows
                if run.underline:
                    rules.append((x, x + len(run.text) * _POINTS_PER_COLUMN, y - 1.8))
                col += len(run.text)
    canvas.drawText(text)
    if rules:
        canvas.setLineWidth(0.6)
        canvas.lines([(x0, y, x1, y) for x0, x1, y in rules])


def _x(col: float, s: PdfSettings) -> float:
    return (s.left_margin + col) * _POINTS_PER_COLUMN


def _y(row: float, s: PdfSettings) -> float:
    return (s.page_height - row) * _POINTS_PER_LINE - _BASELINE
