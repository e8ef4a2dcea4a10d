"""Screenplay model → blocks of wrapped, positioned lines on a character grid (PDF stage 1).

Courier is monospaced (10 characters per inch, 6 lines per inch), so industry layout is
integer arithmetic in columns and lines, the way screenwriting software does it. Keeping
it free of ReportLab makes the format rules testable without rendering a PDF.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal, assert_never

from adapt.inline import Run, runs
from adapt.model import (
    Action, Boneyard, Centered, Dialogue, Element, Lyrics, Note, PageBreak, Parenthetical,
    SceneHeading, Section, Speech, Sung, Synopsis, Transition,
)


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
    """Parenthetical column (3.1 in)."""
    parenthetical_width: int = 24
    """Parenthetical width (to 5.5 in)."""
    dual_right: int = 31
    """Column where the right half of dual dialogue starts (the left half starts at 0)."""
    dual_width: int = 28
    """Width of each dual-dialogue column's speech."""
    dual_character_indent: int = 8
    """Cue indent inside a dual-dialogue column."""
    dual_parenthetical_indent: int = 3
    """Parenthetical indent inside a dual-dialogue column."""
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
        if min(self.width, self.dialogue_width, self.parenthetical_width, self.dual_width) < 8:
            raise ValueError("text widths must be at least 8 columns")


DEFAULT = PdfSettings()


@dataclass(frozen=True, slots=True)
class Segment:
    """Styled text starting at a column of a line."""

    col: int
    """Start column, relative to the text area (negative: in the left margin)."""
    runs: tuple[Run, ...]
    """The text, one run per style."""


Line = tuple[Segment, ...]
"""One printed line; ``()`` is a blank line."""

_Tag = Literal["cue", "paren", "speech", "other"]


@dataclass(frozen=True, slots=True)
class Block:
    """One element's lines plus the rules for breaking a page around it."""

    lines: tuple[Line, ...]
    """The lines, top to bottom."""
    space: int = 1
    """Blank lines before it; dropped at the top of a page."""
    breaks: frozenset[int] = frozenset()
    """Allowed splits: ``k`` puts ``lines[:k]`` on this page, the rest on the next."""
    preferred: frozenset[int] = frozenset()
    """The subset of ``breaks`` falling at a sentence or speech end."""
    keep_with_next: bool = False
    """Must not end a page (scene headings; anything a transition follows)."""
    more: Line | None = None
    """Printed below the first part of a split (dialogue's ``(MORE)``)."""
    contd: tuple[Line, ...] = ()
    """Printed above the rest of a split (the cue with ``(CONT'D)``)."""
    page_break: bool = False
    """A forced page break; carries no lines."""


_SENTENCE_END = re.compile(r"""(?:[.!?…—]|--)["'”’)\]*_]*$""")


def wrap(text: tuple[Run, ...], width: int) -> list[tuple[Run, ...]]:
    """Word-wrap styled text to ``width`` columns, keeping its ``\\n`` line breaks.

    Breaks at spaces (dropped) or after hyphens; a word longer than a line is cut.
    Leading spaces of a paragraph line are kept: the model keeps them on purpose.
    """
    flat = "".join(r.text for r in text)
    spans: list[tuple[int, int]] = []
    start = 0
    for hard in flat.split("\n"):
        spans.extend(_wrap_line(flat, start, start + len(hard), width))
        start += len(hard) + 1
    return [_slice(text, a, b) for a, b in spans]


def _wrap_line(s: str, pos: int, end: int, width: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if pos == end:
        return [(pos, pos)]
    while end - pos > width:
        window = s[pos:pos + width + 1]
        first = len(window) - len(window.lstrip(" "))  # never break inside an indent
        space = window.rfind(" ", first + 1)
        hyphen = window.rfind("-", first + 1, width)
        if hyphen + 1 > space and hyphen > first:
            out.append((pos, pos + hyphen + 1))
            pos += hyphen + 1
        elif space > first:
            cut = pos + space
            out.append((pos, len(s[pos:cut].rstrip(" ")) + pos))
            pos = cut
        else:
            out.append((pos, pos + width))
            pos += width
        while pos < end and s[pos] == " ":
            pos += 1
    if pos < end:
        out.append((pos, end))
    return out


def _slice(text: tuple[Run, ...], a: int, b: int) -> tuple[Run, ...]:
    out: list[Run] = []
    at = 0
    for r in text:
        lo, hi = max(a, at), min(b, at + len(r.text))
        if lo < hi:
            out.append(replace(r, text=r.text[lo - at:hi - at]))
        at += len(r.text)
    return tuple(out)


def _plain(line: Line) -> str:
    return "".join(r.text for seg in line for r in seg.runs)


def _styled(marked: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    return tuple(replace(r, bold=r.bold or bold, italic=r.italic or italic) for r in runs(marked))


def _at(col: int, pieces: list[tuple[Run, ...]]) -> list[Line]:
    return [(Segment(col, p),) if p else () for p in pieces]


def _cue(el: Dialogue, contd: str | None = None) -> str:
    exts = [el.extension] if el.extension else []
    if contd and not any(contd.lower() in e.lower() for e in exts):
        exts.append(contd)
    return el.character + "".join(f" ({e})" for e in exts)


def _dialogue_lines(el: Dialogue, s: PdfSettings, base: int, dual: bool
                    ) -> tuple[list[Line], list[_Tag], list[int]]:
    """Lines of one dialogue column, each tagged with its kind and part index."""
    cue_at, par_at, par_w, sp_at, sp_w = (
        (base + s.dual_character_indent, base + s.dual_parenthetical_indent,
         s.dual_width - s.dual_parenthetical_indent, base, s.dual_width) if dual else
        (s.character_indent, s.parenthetical_indent, s.parenthetical_width,
         s.dialogue_indent, s.dialogue_width))
    lines = _at(cue_at, wrap(runs(_cue(el)), s.width - cue_at))
    tags: list[_Tag] = ["cue"] * len(lines)
    parts = [-1] * len(lines)
    for i, part in enumerate(el.parts):
        match part:
            case Parenthetical(text=t):
                new, tag = _at(par_at, wrap(runs(f"({t})"), par_w)), "paren"
            case Speech(text=t):
                new, tag = _at(sp_at, wrap(runs(t), sp_w)), "speech"
            case Sung(text=t):
                new, tag = _at(sp_at, wrap(_styled(t, italic=True), sp_w)), "speech"
            case _:
                assert_never(part)
        lines += new
        tags += [tag] * len(new)
        parts += [i] * len(new)
    return lines, tags, parts


def _dialogue(el: Dialogue, s: PdfSettings) -> Block:
    lines, tags, parts = _dialogue_lines(el, s, 0, dual=False)
    n, cue = len(lines), tags.count("cue")
    # Two spoken lines either side of (MORE); never end a page on a wryly.
    breaks = frozenset(k for k in range(cue + 2, n - 1) if tags[k - 1] == "speech")
    preferred = frozenset(k for k in breaks
                          if parts[k - 1] != parts[k] or _SENTENCE_END.search(_plain(lines[k - 1])))
    more: Line = (Segment(s.character_indent, (Run(s.more),)),)
    contd = _at(s.character_indent, wrap(runs(_cue(el, s.contd)), s.width - s.character_indent))
    return Block(tuple(lines), 1, breaks, preferred, more=more, contd=tuple(contd))


def _dual(left: Dialogue, right: Dialogue, s: PdfSettings) -> Block:
    """Side by side and kept whole, as screenwriting software prints it."""
    a = _dialogue_lines(left, s, 0, dual=True)[0]
    b = _dialogue_lines(right, s, s.dual_right, dual=True)[0]
    blank: Line = ()
    return Block(tuple(x + y for x, y in zip(a + [blank] * (len(b) - len(a)),
                                             b + [blank] * (len(a) - len(b)))))


def _paragraph(lines: list[Line], keep: bool = False, space: int = 1) -> Block:
    """A block that may split with at least two lines each side (no widows or orphans)."""
    n = len(lines)
    breaks = frozenset(range(2, n - 1))
    preferred = frozenset(k for k in breaks if _SENTENCE_END.search(_plain(lines[k - 1])))
    return Block(tuple(lines), space, breaks, preferred, keep_with_next=keep)


def _heading(el: SceneHeading, s: PdfSettings) -> Block:
    lines = _at(0, wrap(_styled(el.text, bold=s.bold_headings), s.width))
    if el.number and lines:
        num = (Run(el.number),)
        lines[0] = lines[0] + (Segment(s.scene_number_left - len(el.number), num),
                               Segment(s.scene_number_right, num))
    return Block(tuple(lines), s.heading_space, keep_with_next=True)


def _aligned(pieces: list[tuple[Run, ...]], s: PdfSettings, how: Literal["center", "right"]
             ) -> list[Line]:
    out: list[Line] = []
    for p in pieces:
        room = s.width - sum(len(r.text) for r in p)
        out.append((Segment(room // 2 if how == "center" else room, p),) if p else ())
    return out


def blocks(elements: tuple[Element, ...], s: PdfSettings) -> list[Block]:
    """Lay out each printed element; notes, sections, synopses and boneyard print nothing."""
    out: list[Block] = []
    prev: Element | None = None  # the element that made out[-1], for dual dialogue
    for el in elements:
        match el:
            case SceneHeading():
                out.append(_heading(el, s))
            case Action(text=t):
                out.append(_paragraph(_at(0, wrap(runs(t), s.width))))
            case Dialogue(dual=True) if isinstance(prev, Dialogue) and not prev.dual:
                out[-1] = _dual(prev, el, s)
            case Dialogue():
                out.append(_dialogue(el, s))
            case Lyrics(lines=ls):
                out.append(_paragraph(_at(0, [w for ln in ls for w in wrap(
                    _styled(ln, italic=True), s.width)])))
            case Transition(text=t):
                if out:  # a transition closes a scene: never first on a page
                    out[-1] = replace(out[-1], keep_with_next=True)
                out.append(Block(tuple(_aligned(wrap(runs(t), s.width), s, "right"))))
            case Centered(text=t):
                out.append(_paragraph(_aligned(wrap(runs(t), s.width), s, "center")))
            case PageBreak():
                out.append(Block((), 0, page_break=True))
            case Note() | Section() | Synopsis() | Boneyard():
                continue  # not part of the printed script; `prev` keeps its pairing
            case _:
                assert_never(el)
        prev = el
    return out
