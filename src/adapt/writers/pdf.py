"""Screenplay model → industry-format PDF (Courier 12 pt, US Letter, numbered pages).

Layout and page breaking happen on a character grid in ``_pdf_blocks``/``_pdf_pages``,
set by ``PdfSettings`` here; this module only draws that grid with ReportLab's canvas.
Drawing each line at its own grid position (rather than flowing Platypus paragraphs) is
what makes ``(MORE)``, ``(CONT'D)`` and the page-break rules exact.
"""
from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Literal

from adapt.inline import plain
from adapt.model import Screenplay
from adapt.resources import font_path
from adapt.writers._pdf_pages import Page, layout

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

__all__ = ["A4", "DEFAULT", "PdfSettings", "write_pdf"]


@dataclass(frozen=True, slots=True)
class PdfSettings:
    """Page geometry in character units: columns (1/10 in) and lines (1/6 in).

    Columns count from the left edge of the text area (1.5 in from the paper's edge).
    Defaults follow the common US spec-script format, with screenplain's 55 lines a page.
    """

    page_width: float = 85.0
    """Paper width in columns (US Letter 8.5 in; A4 is 82.7)."""
    page_height: float = 66.0
    """Paper height in lines (US Letter 11 in; A4 is 70.2)."""
    left_margin: float = 15.0
    """Columns from the paper's left edge to the text area (1.5 in, room for brads)."""
    top_margin: float = 6.0
    """Lines from the paper's top edge to the first body line (1 in)."""
    lines_per_page: int = 55
    """Body lines a page holds; with 12 pt Courier about one minute of screen time."""
    width: int = 60
    """Text-area width: action, scene headings, centered text, transitions' right edge."""
    character_indent: int = 22
    """Character cue column (3.7 in from the paper's edge)."""
    dialogue_indent: int = 10
    """Speech column (2.5 in)."""
    dialogue_width: int = 35
    """Speech width (to 6.0 in)."""
    parenthetical_indent: int = 16
    """Parenthetical column (3.1 in); wrapped lines hang one column further in."""
    parenthetical_width: int = 24
    """Parenthetical width (to 5.5 in)."""
    dual_right: int = 31
    """Column where the right half of dual dialogue starts (the left half starts at 0)."""
    dual_dialogue_indent: int = 2
    """Speech column inside a dual-dialogue half."""
    dual_width: int = 26
    """Speech width inside a dual-dialogue half."""
    dual_character_indent: int = 10
    """Cue column inside a dual-dialogue half."""
    dual_parenthetical_indent: int = 5
    """Parenthetical column inside a dual-dialogue half (it ends where speech ends)."""
    scene_number_left: int = -4
    """Column where the left scene number ends (numbers are right-aligned to it)."""
    scene_number_right: int = 62
    """Column where the right scene number starts."""
    page_number_line: float = 3.0
    """Lines from the paper's top edge to the page number (0.5 in)."""
    heading_space: int = 1
    """Blank lines before a scene heading (some writers prefer 2)."""
    bold_headings: bool = False
    """Print scene headings in bold."""
    more: str = "(MORE)"
    """Printed under dialogue that continues on the next page."""
    contd: str = "CONT'D"
    """Extension added to the cue where dialogue resumes after a page break."""
    font: Literal["Courier Prime", "Courier"] = "Courier Prime"
    """Bundled Courier Prime (embedded, wide Unicode) or the PDF built-in Courier."""
    font_size: float = 12.0
    """Points; the grid assumes 12 pt Courier (10 cpi, 6 lpi)."""

    def __post_init__(self) -> None:
        # Checked once here so pagination can rely on a page holding a split dialogue.
        if self.lines_per_page < 8:
            raise ValueError("lines_per_page must be at least 8")
        if min(self.width, self.dialogue_width, self.parenthetical_width, self.dual_width,
               self.dual_dialogue_indent + self.dual_width - self.dual_parenthetical_indent
               ) < 8:
            raise ValueError("text widths must be at least 8 columns")


DEFAULT = PdfSettings()
A4 = replace(DEFAULT, page_width=595.28 / 7.2, page_height=841.89 / 12)
"""A4 paper (210 x 297 mm): the same margins, grid and 55 lines; a little narrower and taller."""

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
    if placed.title is not None:
        _draw_page(canvas, placed.title, s, fonts)
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
    from reportlab.pdfbase.ttfonts import TTFont

    names: dict[tuple[bool, bool], str] = {}
    for key, suffix in (((False, False), ""), ((True, False), "-Bold"),
                        ((False, True), "-Italic"), ((True, True), "-Bold-Italic")):
        name = f"CourierPrime{suffix}"
        pdfmetrics.registerFont(TTFont(name, str(font_path(f"Courier-Prime{suffix}.ttf"))))
        names[key] = name
    return names


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
