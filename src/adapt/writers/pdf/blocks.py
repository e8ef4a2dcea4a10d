"""Screenplay model → blocks of wrapped, positioned lines on a character grid (PDF stage 1).

Courier is monospaced (10 characters per inch, 6 lines per inch), so industry layout is
integer arithmetic in columns and lines, the way screenwriting software does it. Keeping
it free of ReportLab makes the format rules testable without rendering a PDF.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal, assert_never

from adapt.inline import Run, runs
from adapt.model import (
    Action,
    Boneyard,
    Centered,
    Dialogue,
    Element,
    Lyrics,
    Note,
    PageBreak,
    Parenthetical,
    SceneHeading,
    Section,
    Speech,
    Sung,
    Synopsis,
    Transition,
)
from adapt.writers.pdf.cells import cells, one_cell, wrap_cells
from adapt.writers.pdf.settings import PdfSettings


@dataclass(frozen=True, slots=True)
class Segment:
    """Styled text starting at a column of a line."""

    col: int
    """Start column, relative to the text area (negative: in the left margin)."""
    runs: tuple[Run, ...]
    """The text, one run per style."""


Line = tuple[Segment, ...]
"""One printed line; ``()`` is a blank line."""

Kind = Literal["cue", "paren", "speech", "text"]


@dataclass(frozen=True, slots=True)
class Piece:
    """One stretch of text that wraps into consecutive lines: a cue, wryly, speech..."""

    runs: tuple[Run, ...]
    """The styled text; ``\\n`` is a forced line break."""
    col: int
    """Column of its lines (of its box, when centred or flush right)."""
    width: int
    """Columns it wraps to."""
    kind: Kind
    """``speech`` and ``text`` may end a page, after any line or mid-line at a sentence."""
    align: Literal["left", "center", "right"] = "left"
    """Placement of each line inside ``col .. col + width``."""
    opener: str = ""
    """Printed just left of the first line: a wryly's ``(``, so wrapped lines hang."""


@dataclass(frozen=True, slots=True)
class Block:
    """One element's lines plus what the page breaker needs to split it."""

    lines: tuple[Line, ...]
    """The lines, top to bottom."""
    space: int = 1
    """Blank lines before it; dropped at the top of a page."""
    pieces: tuple[Piece, ...] = ()
    """The text the lines were wrapped from; empty for a block that never splits."""
    spans: tuple[tuple[int, int, int], ...] = ()
    """Per line: (index into ``pieces``, start, end) of the characters it shows."""
    keep_with_next: bool = False
    """Must not end a page (scene headings; anything a transition follows)."""
    more: Line | None = None
    """Printed below the first part of a split (dialogue's ``(MORE)``)."""
    contd: tuple[Piece, ...] = ()
    """Printed above the rest of a split (the cue with ``(CONT'D)``)."""
    page_break: bool = False
    """A forced page break; carries no lines."""


def flow(pieces: tuple[Piece, ...], space: int = 1, *, more: Line | None = None,
         contd: tuple[Piece, ...] = (), keep_with_next: bool = False) -> Block:
    """A block the page breaker may split inside its ``speech``/``text`` pieces."""
    lines: list[Line] = []
    spans: list[tuple[int, int, int]] = []
    for i, p in enumerate(pieces):
        for line, a, b in piece_lines(p):
            lines.append(line)
            spans.append((i, a, b))
    return Block(tuple(lines), space, pieces, tuple(spans), keep_with_next, more, contd)


def piece_lines(p: Piece) -> list[tuple[Line, int, int]]:
    """The piece wrapped and placed: each line with the character span it shows."""
    cuts = spans("".join(r.text for r in p.runs), p.width)
    return [(place(p, text, first=j == 0), a, b)
            for j, (text, (a, b)) in enumerate(zip(slices(p.runs, cuts), cuts, strict=True))]


def place(p: Piece, text: tuple[Run, ...], first: bool = True) -> Line:
    """One wrapped line of ``p`` on the grid."""
    if not text:
        return ()
    room = p.width - sum(cells(r.text) for r in text)
    col = p.col + (room // 2 if p.align == "center" else room if p.align == "right" else 0)
    if first and p.opener:
        return (Segment(col - len(p.opener), (Run(p.opener),) + text),)
    return (Segment(col, text),)


_CLOSERS = r"""["'”’)\]]*"""
# Abbreviations that end in a full stop without ending a sentence.
_NOT_END = r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\bvs)"
SENTENCE_END = re.compile(rf"(?:{_NOT_END}\.|[!?…—]|--){_CLOSERS}$")
"""A line ending so may end a page's part of a speech or paragraph."""
MID_SENTENCE_END = re.compile(rf"(?:{_NOT_END}\.|[!?…]){_CLOSERS}(?= +[^\s.,;:!?…])")
"""A sentence end inside a line, where a page may end after re-wrapping the rest
(not inside a spaced ellipsis such as ``. . .``)."""


def wrap(text: tuple[Run, ...], width: int) -> list[tuple[Run, ...]]:
    """Word-wrap styled text to ``width`` columns, keeping its ``\\n`` line breaks.

    Breaks at spaces (dropped) or after hyphens; a word longer than a line is cut.
    Leading spaces of a paragraph line are kept: the model keeps them on purpose.
    """
    return slices(text, spans("".join(r.text for r in text), width))


def spans(flat: str, width: int) -> list[tuple[int, int]]:
    """``wrap``'s lines as (start, end) offsets into the plain text."""
    out: list[tuple[int, int]] = []
    start = 0
    for hard in flat.split("\n"):
        out.extend(wrap_from(flat, start, start + len(hard), width))
        start += len(hard) + 1
    return out


def wrap_from(s: str, pos: int, end: int, width: int) -> Iterator[tuple[int, int]]:
    """The lines of ``s[pos:end]`` (no ``\\n`` inside), as ``spans`` gives them, one at a
    time. Each line depends only on where it starts, so two wraps of a text that reach
    the same start go on alike: the page breaker re-wraps only until that happens."""
    if not one_cell(s[pos:end]):
        yield from wrap_cells(s, pos, end, width)  # CJK: two cells a character
        return
    if pos == end:
        yield (pos, pos)
        return
    while end - pos > width:
        window = s[pos:pos + width + 1]
        first = len(window) - len(window.lstrip(" "))  # never break inside an indent
        space = window.rfind(" ", first + 1)
        hyphen = window.rfind("-", first + 1, width)
        if hyphen + 1 > space and hyphen > first:
            yield (pos, pos + hyphen + 1)
            pos += hyphen + 1
        elif space > first:
            cut = pos + space
            yield (pos, len(s[pos:cut].rstrip(" ")) + pos)
            pos = cut
        else:
            yield (pos, pos + width)
            pos += width
        while pos < end and s[pos] == " ":
            pos += 1
    if pos < end:
        yield (pos, end)


def _slice(text: tuple[Run, ...], a: int, b: int) -> tuple[Run, ...]:
    return slices(text, [(a, b)])[0]


def slices(text: tuple[Run, ...], cuts: list[tuple[int, int]], k: int = 0, at: int = 0
           ) -> list[tuple[Run, ...]]:
    """The runs showing each of ``cuts`` (ascending, not overlapping), in one walk from
    run ``k``, which starts at offset ``at``."""
    if len(text) == 1:  # most pieces are in one style
        r, n = text[0], len(text[0].text)
        return [() if a >= b else (r,) if a == 0 and b == n else
                (Run(r.text[a:b], r.bold, r.italic, r.underline),)
                for a, b in ((max(a, 0), min(b, n)) for a, b in cuts)]
    out: list[tuple[Run, ...]] = []
    for a, b in cuts:
        while k < len(text) and at + len(text[k].text) <= a:
            at += len(text[k].text)
            k += 1
        line: list[Run] = []
        j, start = k, at
        while j < len(text) and start < b:
            r = text[j]
            lo, hi = max(a, start), min(b, start + len(r.text))
            if lo < hi:
                line.append(r if (lo, hi) == (start, start + len(r.text)) else
                            Run(r.text[lo - start:hi - start], r.bold, r.italic, r.underline))
            start += len(r.text)
            j += 1
        out.append(tuple(line))
    return out


def _styled(marked: str, *, bold: bool = False, italic: bool = False) -> tuple[Run, ...]:
    return tuple(replace(r, bold=r.bold or bold, italic=r.italic or italic) for r in runs(marked))


def _cue(el: Dialogue, contd: str | None = None) -> str:
    exts = [el.extension] if el.extension else []
    if contd and not any(contd.lower() in e.lower() for e in exts):
        exts.append(contd)
    return el.character + "".join(f" ({e})" for e in exts)


def _dialogue_pieces(el: Dialogue, s: PdfSettings, base: int | None = None
                     ) -> tuple[Piece, ...]:
    """Cue, wrylies and speech of one dialogue; ``base`` places a dual-dialogue half."""
    if base is None:
        cue, par, sp, sp_w = (s.character_indent, s.parenthetical_indent, s.dialogue_indent,
                              s.dialogue_width)
        par_end = s.parenthetical_indent + s.parenthetical_width
    else:
        cue, par, sp, sp_w = (base + s.dual_character_indent, base + s.dual_parenthetical_indent,
                              base + s.dual_dialogue_indent, s.dual_width)
        par_end = sp + sp_w
    out = [Piece(runs(_cue(el)), cue, s.width - cue, "cue")]
    for part in el.parts:
        match part:
            case Parenthetical(text=t):
                # "(" sits left of the column so a wrapped wryly hangs under its first word.
                out.append(Piece(runs(t) + (Run(")"),), par + 1, par_end - par - 1, "paren",
                                 opener="("))
            case Speech(text=t):
                out.append(Piece(runs(t), sp, sp_w, "speech"))
            case Sung(text=t):
                out.append(Piece(_styled(t, italic=True), sp, sp_w, "speech"))
            case _:
                assert_never(part)
    return tuple(out)


def _dialogue(el: Dialogue, s: PdfSettings) -> Block:
    more: Line = (Segment(s.character_indent, (Run(s.more),)),)
    contd = Piece(runs(_cue(el, s.contd)), s.character_indent, s.width - s.character_indent,
                  "cue")
    return flow(_dialogue_pieces(el, s), more=more, contd=(contd,))


def _dual(left: Dialogue, right: Dialogue, s: PdfSettings) -> Block:
    """Side by side and kept whole, as screenwriting software prints it."""
    a = [ln for p in _dialogue_pieces(left, s, 0) for ln, _, _ in piece_lines(p)]
    b = [ln for p in _dialogue_pieces(right, s, s.dual_right) for ln, _, _ in piece_lines(p)]
    blank: Line = ()
    return Block(tuple(x + y for x, y in zip(a + [blank] * (len(b) - len(a)),
                                             b + [blank] * (len(a) - len(b)), strict=True)))


def _whole(p: Piece, space: int = 1, keep: bool = False) -> Block:
    """A block that never splits."""
    return Block(tuple(ln for ln, _, _ in piece_lines(p)), space, keep_with_next=keep)


def _heading(el: SceneHeading, s: PdfSettings) -> Block:
    # Readers keep a forced heading's case as written; print it in capitals.
    b = _whole(Piece(_styled(el.text.upper(), bold=s.bold_headings), 0, s.width, "text"),
               s.heading_space, keep=True)
    if el.number and b.lines:
        num = (Run(el.number),)
        first = b.lines[0] + (Segment(s.scene_number_left - len(el.number), num),
                              Segment(s.scene_number_right, num))
        b = replace(b, lines=(first,) + b.lines[1:])
    return b


def blocks(elements: tuple[Element, ...], s: PdfSettings) -> list[Block]:
    """Lay out each printed element; notes, sections, synopses and boneyard print nothing."""
    out: list[Block] = []
    prev: Element | None = None  # the element that made out[-1], for dual dialogue
    for el in elements:
        match el:
            case SceneHeading():
                out.append(_heading(el, s))
            case Action(text=t):
                out.append(flow((Piece(runs(t), 0, s.width, "text"),)))
            case Dialogue(dual=True) if isinstance(prev, Dialogue) and not prev.dual:
                out[-1] = _dual(prev, el, s)
            case Dialogue():
                out.append(_dialogue(el, s))
            case Lyrics(lines=ls):
                out.append(flow(tuple(Piece(_styled(ln, italic=True), 0, s.width, "text")
                                      for ln in ls)))
            case Transition(text=t):
                if out:  # a transition closes a scene: never first on a page
                    out[-1] = replace(out[-1], keep_with_next=True)
                out.append(_whole(Piece(runs(t.upper()), 0, s.width, "text", "right")))
            case Centered(text=t):
                out.append(flow((Piece(runs(t), 0, s.width, "text", "center"),)))
            case PageBreak():
                out.append(Block((), 0, page_break=True))
            case Note() | Section() | Synopsis() | Boneyard():
                continue  # not part of the printed script; `prev` keeps its pairing
            case _:
                assert_never(el)
        prev = el
    return out
