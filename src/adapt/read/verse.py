"""Reading: where verse stands inside a quotation or a paragraph (lines set in, short, or in nested quotes).

A speech may hold a song or a poem on lines of their own: set in (indented), broken
short where the prose around runs to the margin, or in single quotes nested inside the
double ones. Those lines are kept as verse; the words around them stay prose. How
short is short is measured against the text's own line width (the wrap width of
hard-wrapped prose, else its longest line).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from adapt.language.songs import SING_RE


@dataclass(frozen=True, slots=True)
class Verse:
    """Lines of verse inside a quotation or a paragraph, one entry per line."""

    lines: tuple[str, ...]

    def __reduce__(self) -> tuple[type, tuple]:
        return Verse, (self.lines,)  # pickled as its field, as the beats are (``beats.Narration``)

    @property
    def text(self) -> str:
        """The lines as one text, for readers that look at every part's words (names, places)."""
        return "\n".join(self.lines)


Piece = str | Verse
"""A quotation read as prose (the words, lines joined) and verse, in order."""

_SET_IN = re.compile(r"[ \t]+\S")
# A single-quoted span nested in a speech: opens at a word start, closes before a non-letter.
_NESTED = re.compile(r"(?<![\w'’])['‘](?!(?:em|tis|twas|cause|til|n|round|bout)\b)(?=\S)((?:[^'‘’]|(?<=\w)['’](?=\w))+?)(?<=\S)['’](?!\w)")
_LEAD_IN = re.compile(r"(?::|:--|:—|:–|—|--)\s*$")
MAX_LINE = 64
"""A verse line is at most this long; longer ones are prose."""


def _short(length: int, width: int) -> bool:
    return length < width * 0.7


def _verse_like(lines: list[str] | tuple[str, ...], width: int) -> bool:
    """Verse, not prose set in (a letter, a prayer): its lines start with capitals, as
    poems and songs print them, or are all short."""
    rest = [x.strip() for x in lines[1:] if x.strip()]
    if not rest:
        return False
    capitals = sum(1 for x in rest if not x[:1].islower())
    return capitals >= len(rest) * 0.75 or len(lines) >= 3 and all(len(x.strip()) <= width * 0.6 for x in lines)


def _joined(text: str) -> str:
    return re.sub(r"[ \t]*\n[ \t]*", " ", text).strip()


def _lines(text: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in text.split("\n") if x.strip())


def _prose_and(before: str, verse: tuple[str, ...], after: str) -> tuple[Piece, ...]:
    out: list[Piece] = []
    if _joined(before).strip(" ,"):
        out.append(_joined(before))
    out.append(Verse(verse))
    if _joined(after).strip(" ,.;"):
        out.append(_joined(after))
    return tuple(out)


def quote_pieces(raw: str, column: int, width: int) -> tuple[Piece, ...]:
    """A quotation's words as prose and verse; () when it holds no verse.

    ``column`` is where the quotation's text starts on its first line (1-based), so
    the first line is measured as printed.
    """
    lines = raw.split("\n")
    if len(lines) < 2:
        return ()
    printed = [column + len(lines[0])] + [len(x) for x in lines[1:]]
    # A song in single quotes nested in the speech: the span's line ends are deliberate.
    for m in _NESTED.finditer(raw):
        inner = m.group(1)
        if "\n" not in inner:
            continue
        first = raw[:m.start()].count("\n")
        span = range(first, first + inner.count("\n"))  # lines that end inside the span
        if all(_short(printed[k], width) or _SET_IN.match(lines[k + 1]) for k in span) \
                and all(len(x) <= MAX_LINE for x in _lines(inner)) and _verse_like(_lines(inner), width):
            return _prose_and(raw[:m.start()], _lines(inner), raw[m.end():])
    if any(len(x.strip()) > MAX_LINE for x in lines[1:]) or not _verse_like(lines, width):
        return _set_in_run(raw, lines, width)
    set_in = [bool(_SET_IN.match(x)) for x in lines]
    if any(set_in[1:]) and not all(set_in[1:]):
        mixed = _set_in_run(raw, lines, width)  # verse set in between lines of prose
        if mixed:
            return mixed
    if all(set_in[1:]):
        # Set-in lines after a lead-in ("It went:") are the verse; else the whole quotation.
        if _LEAD_IN.search(lines[0]):
            return _prose_and(lines[0], _lines("\n".join(lines[1:])), "")
        if len(lines[0].strip()) <= MAX_LINE:
            return (Verse(_lines(raw)),)
    if len(lines[0].strip()) <= MAX_LINE and all(_short(n, width) for n in printed[:-1]):
        return (Verse(_lines(raw)),)  # every line broken short by hand
    return _set_in_run(raw, lines, width)


def _set_in_run(raw: str, lines: list[str], width: int) -> tuple[Piece, ...]:
    """Two or more set-in lines inside prose: the verse the speech quotes."""
    k = 1
    while k < len(lines):
        if _SET_IN.match(lines[k]):
            j = k
            while j + 1 < len(lines) and _SET_IN.match(lines[j + 1]):
                j += 1
            run = lines[k:j + 1]
            if j > k and all(len(x.strip()) <= MAX_LINE for x in run) and _verse_like(["", *run], width):
                return _prose_and("\n".join(lines[:k]), _lines("\n".join(run)), "\n".join(lines[j + 1:]))
            k = j
        k += 1
    return ()


def hummed(raw: str, width: int) -> tuple[str, tuple[str, ...], str] | None:
    """A paragraph of narration with verse set in among its lines ("...he hummed to
    himself:" then the tune) → (narration before, the verse lines, narration after)."""
    lines = raw.split("\n")
    if len(lines) < 3 or _SET_IN.match(lines[0]):
        return None
    pieces = _set_in_run(raw, lines, width)
    if len(pieces) < 2 or not isinstance(pieces[0], str):
        return None
    lead = pieces[0]
    if not (_LEAD_IN.search(lead) or SING_RE.search(lead)):
        return None  # a poem set in on a hanging indent, not a tune in the narration
    verse = pieces[1]
    assert isinstance(verse, Verse)
    tail = pieces[2] if len(pieces) > 2 and isinstance(pieces[2], str) else ""
    return lead, verse.lines, tail
