"""PDF page geometry in character units: the one set of layout constants."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal


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
    fallback_fonts: tuple[str, ...] = ()
    """Font files (``--font``) tried first for characters the font lacks (CJK...)."""

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
