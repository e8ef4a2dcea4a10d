"""Screenplay model → script statistics (cast, scenes, length, running time).

Length is estimated the way a script reader does it, without rendering a PDF: each
element is word-wrapped at the industry column widths (action and headings 60,
dialogue 35, parentheticals 25; a cue is one line), elements are separated by one
blank line, and a page holds 55 lines. One page is about one minute of screen time.

Scene length is given in eighths of a page, the unit production boards and call
sheets use (a scene shorter than an eighth still counts as 1/8); the raw line count
is kept as well.
"""
from __future__ import annotations

import json
import math
import re
import textwrap
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import assert_never

from adapt.inline import plain
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
    Screenplay,
    Section,
    Speech,
    Sung,
    Synopsis,
    Transition,
)

LINES_PER_PAGE = 55
ACTION_WIDTH = 60
DIALOGUE_WIDTH = 35
PARENTHETICAL_WIDTH = 25

# Cue suffixes such as "(CONT'D)" left inside the cue text itself.
_CUE_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")


@dataclass(frozen=True, slots=True)
class CastMember:
    """One speaking part."""

    name: str
    """The cue name, upper case, extensions such as ``(V.O.)`` removed."""
    speeches: int
    """Number of dialogue blocks under this cue."""
    words: int
    """Words spoken or sung (parentheticals not counted)."""


@dataclass(frozen=True, slots=True)
class SceneStats:
    """One scene, from its heading to the next."""

    number: str
    """The scene number the script carries, else its position (``1``, ``2``...)."""
    heading: str
    """The heading as plain text."""
    lines: int
    """Estimated printed lines, blank separator lines included."""
    eighths: int
    """Length in eighths of a page (at least 1)."""


@dataclass(frozen=True, slots=True)
class ScriptStats:
    """Everything ``format_stats`` prints."""

    title: str
    """Title from the title page (plain text), or ``""``."""
    lines: int
    """Estimated printed lines of the body (title page excluded)."""
    pages: float
    """Body pages as the PDF writer lays them out (the last one fractional)."""
    minutes: int
    """Estimated running time: a page is about a minute."""
    cast: tuple[CastMember, ...]
    """Speaking parts, most speeches first."""
    scenes: tuple[SceneStats, ...]
    """Scenes in script order (material before the first heading is not a scene)."""


def stats(doc: Screenplay) -> ScriptStats:
    """Count the cast and scenes and estimate the length of ``doc``."""
    total = 0
    prev_dialogue = 0  # height of the speech just laid out, for dual dialogue
    scene_start: int | None = None
    heading: SceneHeading | None = None
    scenes: list[SceneStats] = []
    speeches: dict[str, int] = {}
    words: dict[str, int] = {}

    def close_scene(end: int) -> None:
        if heading is not None and scene_start is not None:
            number = heading.number or str(len(scenes) + 1)
            lines = end - scene_start
            eighths = max(1, round(lines * 8 / LINES_PER_PAGE))
            scenes.append(SceneStats(number, plain(heading.text), lines, eighths))

    for el in doc.elements:
        if isinstance(el, SceneHeading):
            close_scene(total)
            heading, scene_start = el, total
        if isinstance(el, PageBreak):
            total = math.ceil(total / LINES_PER_PAGE) * LINES_PER_PAGE
            continue
        height = _height(el)
        if isinstance(el, Dialogue):
            name = _cue_name(el.character)
            speeches[name] = speeches.get(name, 0) + 1
            words[name] = words.get(name, 0) + _words(el)
            if el.dual and prev_dialogue:
                # Printed beside its partner: only the overhang adds lines.
                total += max(0, height - prev_dialogue)
                prev_dialogue = 0
                continue
            prev_dialogue = height
        else:
            prev_dialogue = 0
        if height:
            total += height + (1 if total % LINES_PER_PAGE else 0)
    close_scene(total)

    cast = sorted((CastMember(n, speeches[n], words[n]) for n in speeches),
                  key=lambda c: (-c.speeches, -c.words, c.name))
    pages = _printed_pages(doc) if total else 0.0
    minutes = max(1, round(pages)) if total else 0
    title = plain(doc.title.get("title") or "").replace("\n", " ")
    return ScriptStats(title, total, pages, minutes, tuple(cast), tuple(scenes))


def _height(el: Element) -> int:
    """Printed lines of one element, without the blank line before it."""
    match el:
        case (SceneHeading(text=text) | Action(text=text) | Centered(text=text)
              | Transition(text=text)):
            return _wrapped(text, ACTION_WIDTH)
        case Lyrics(lines=lines):
            return sum(_wrapped(line, ACTION_WIDTH) for line in lines)
        case Dialogue(parts=parts):
            height = 1
            for part in parts:
                match part:
                    case Parenthetical(text=text):
                        height += _wrapped(f"({text})", PARENTHETICAL_WIDTH)
                    case Speech(text=text) | Sung(text=text):
                        height += _wrapped(text, DIALOGUE_WIDTH)
                    case _:
                        assert_never(part)
            return height
        case Note() | Section() | Synopsis() | Boneyard() | PageBreak():
            return 0
        case _:
            assert_never(el)


def _wrapped(marked: str, width: int) -> int:
    """Lines ``marked`` takes when word-wrapped at ``width`` columns."""
    return sum(max(1, len(textwrap.wrap(line, width))) for line in plain(marked).split("\n"))


def _cue_name(cue: str) -> str:
    """``"ANNA (CONT'D)"`` → ``"ANNA"``: one cast entry per character."""
    name = plain(cue).strip()
    while (stripped := _CUE_SUFFIX.sub("", name)) != name and stripped:
        name = stripped
    return name.upper()


def _words(d: Dialogue) -> int:
    """Words spoken or sung in one dialogue block."""
    return sum(len(plain(p.text).split()) for p in d.parts if isinstance(p, (Speech, Sung)))


def _printed_pages(doc: Screenplay) -> float:
    """Pages as the PDF prints them (page breaks, (MORE)/(CONT'D), widow rules), the
    last one counted by how full it is: the estimate a producer reads off the PDF."""
    from adapt.writers.pdf.pages import layout
    from adapt.writers.pdf.settings import DEFAULT

    pages = layout(doc, DEFAULT).pages
    if not pages:
        return 0.0
    return len(pages) - 1 + max(1, len(pages[-1])) / DEFAULT.lines_per_page


def format_stats(s: ScriptStats) -> str:
    """A plain-text report: summary line, then aligned CAST and SCENES tables."""
    hours, mins = divmod(s.minutes, 60)
    running = f"{hours} h {mins:02d} min" if hours else f"{mins} min"
    summary = (f"{s.title or 'Untitled'}: {s.pages:.1f} pages, about {running}, "
               f"{counted(len(s.scenes), 'scene')}, {counted(len(s.cast), 'speaking part')}")
    cast = _table(("NAME", "SPEECHES", "WORDS"),
                  [(c.name, str(c.speeches), str(c.words)) for c in s.cast], right=(1, 2))
    scene_rows = [(sc.number, sc.heading, _eighths(sc.eighths), str(sc.lines))
                  for sc in s.scenes]
    scenes = _table(("#", "HEADING", "LENGTH", "LINES"), scene_rows, right=(2, 3))
    return f"{summary}\n\nCAST\n{cast}\n\nSCENES\n{scenes}\n"


def counted(n: int, noun: str) -> str:
    """``1 scene``, ``3 scenes``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary_line(s: ScriptStats) -> str:
    """``23 pages, 3 scenes, 2 characters``: what the CLI says after writing."""
    pages = math.ceil(s.pages)
    return f"{counted(pages, 'page')}, {counted(len(s.scenes), 'scene')}, {counted(len(s.cast), 'character')}"


def stats_json(s: ScriptStats, source: str | None = None) -> str:
    """The same figures as ``format_stats``, as one line of JSON (one object per
    script, so several inputs give JSON Lines); ``source`` names the input."""
    data = {"input": source, **asdict(s)} if source is not None else asdict(s)
    data["pages"] = round(s.pages, 2)
    return json.dumps(data, ensure_ascii=False)


def _eighths(e: int) -> str:
    """``11`` → ``"1 3/8"``, as a production board writes it (fractions unreduced)."""
    whole, rest = divmod(e, 8)
    if not rest:
        return str(whole)
    return f"{whole} {rest}/8" if whole else f"{rest}/8"


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]],
           right: tuple[int, ...]) -> str:
    """Columns padded to their widest cell; numeric columns right-aligned."""
    if not rows:
        return "  (none)"
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(row: tuple[str, ...]) -> str:
        cells = [cell.rjust(w) if i in right else cell.ljust(w)
                 for i, (cell, w) in enumerate(zip(row, widths, strict=True))]
        return ("  " + "  ".join(cells)).rstrip()

    rule = "  " + "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])
